using ResetConsole.Directory.Demo;

namespace ResetConsole.Directory;

public static class DirectoryServiceCollectionExtensions
{
    public static IServiceCollection AddDirectory(this IServiceCollection services)
    {
        services.AddOptions<DirectoryOptions>().BindConfiguration(DirectoryOptions.Section).ValidateOnStart();
        services.AddSingleton<IDirectoryConnector, DemoDirectoryConnector>();
        services.AddSingleton<DemoDirectorySeeder>();
        return services;
    }
}
