using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResetConsole.Directory.Graph;

public static class GraphServiceCollectionExtensions
{
    /// <summary>
    /// The Microsoft Graph connector as the console's <see cref="IDirectoryConnector"/> and <see cref="IDirectoryWriter"/>,
    /// replacing any connector registered before. Settings from <c>Directory:Graph</c>, validated at start-up.
    /// </summary>
    public static IServiceCollection AddGraphDirectory(this IServiceCollection services)
    {
        services.AddOptions<GraphOptions>().BindConfiguration(GraphOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<GraphOptions>, GraphOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new GraphDirectoryConnector(
            GraphClients.Create(sp.GetRequiredService<IOptions<GraphOptions>>().Value),
            sp.GetRequiredService<IOptions<GraphOptions>>(),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<ILogger<GraphDirectoryConnector>>()));
        services.Replace(ServiceDescriptor.Singleton<IDirectoryConnector>(sp => sp.GetRequiredService<GraphDirectoryConnector>()));
        services.Replace(ServiceDescriptor.Singleton<IDirectoryWriter>(sp => sp.GetRequiredService<GraphDirectoryConnector>()));
        return services;
    }
}
