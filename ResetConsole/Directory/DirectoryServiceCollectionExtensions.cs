using ResetConsole.Directory.Demo;
using ResetConsole.Directory.Graph;
using ResetConsole.Directory.Ldap;

namespace ResetConsole.Directory;

public static class DirectoryServiceCollectionExtensions
{
    /// <summary>The directory connector named by <c>Directory:Provider</c>; the demo directory is always there to seed.</summary>
    public static IServiceCollection AddDirectory(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateOnStart();
        services.AddSingleton<DemoDirectoryConnector>();
        services.AddSingleton<IDirectoryConnector>(sp => sp.GetRequiredService<DemoDirectoryConnector>());
        services.AddSingleton<IDirectoryWriter>(sp => sp.GetRequiredService<DemoDirectoryConnector>());
        services.AddSingleton<DemoDirectorySeeder>();
        var provider = configuration.GetSection(DirectoryOptions.Section).Get<DirectoryOptions>()?.Provider ?? DirectoryProvider.Demo;
        if (provider == DirectoryProvider.Ldap)
        {
            services.AddLdapDirectory();
        }
        else if (provider == DirectoryProvider.Graph)
        {
            services.AddGraphDirectory();
        }

        return services;
    }
}
