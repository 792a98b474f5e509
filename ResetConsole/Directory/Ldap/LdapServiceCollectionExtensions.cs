using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResetConsole.Directory.Ldap;

public static class LdapServiceCollectionExtensions
{
    /// <summary>
    /// The LDAP / Active Directory connector from the <c>Directory:Ldap</c> section, validated at start-up. Call it only
    /// when Directory:Provider is Ldap and after AddDirectory(): it replaces the directory connector and writer.
    /// </summary>
    public static IServiceCollection AddLdapDirectory(this IServiceCollection services)
    {
        services.AddOptions<LdapOptions>().BindConfiguration(LdapOptions.Section).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<LdapOptions>, LdapOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpClient(LdapRevocationHook.HttpClientName);
        services.TryAddSingleton<LdapDirectoryConnector>();
        services.RemoveAll<IDirectoryConnector>();
        services.RemoveAll<IDirectoryWriter>();
        services.AddSingleton<IDirectoryConnector>(sp => sp.GetRequiredService<LdapDirectoryConnector>());
        services.AddSingleton<IDirectoryWriter>(sp => sp.GetRequiredService<LdapDirectoryConnector>());
        return services;
    }
}
