using ResetConsole.Directory.Demo;

namespace ResetConsole.Directory;

public static class DirectoryServiceCollectionExtensions
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateOnStart();
        services.AddSingleton<DemoDirectoryConnector>();
        services.AddSingleton<IDirectoryConnector>(sp => sp.GetRequiredService<DemoDirectoryConnector>());
        services.AddSingleton<IDirectoryWriter>(sp => sp.GetRequiredService<DemoDirectoryConnector>());
        services.AddSingleton<DemoDirectorySeeder>();
        return services;
    }
}
