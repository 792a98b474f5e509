namespace ResetConsole.Auth;

/// <summary>The <c>Authentication</c> section: how staff sign in.</summary>
public sealed class ConsoleAuthOptions
{
    public const string Section = "Authentication";

    public AuthMode Mode { get; set; } = AuthMode.Embedded;

    /// <summary>The provider's issuer URL. Required in external mode; derived from the app's address in embedded mode.</summary>
    public string? Authority { get; set; }

    public string ClientId { get; set; } = "reset-console";

    /// <summary>From the environment or user-secrets, never from appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    public List<string> Scopes { get; set; } = ["openid", "profile"];

    /// <summary>Where roles arrive: a claim type, or a dotted path into a JSON claim (Keycloak's <c>realm_access.roles</c>).</summary>
    public string RoleClaim { get; set; } = "role";

    /// <summary>Provider role or group name to console role. Empty means the provider already uses the console's role names.</summary>
    public Dictionary<string, string> RoleMap { get; set; } = [];

    /// <summary>A provider role or group that marks an outsourced agent.</summary>
    public string? VendorRole { get; set; }

    public bool GetClaimsFromUserInfoEndpoint { get; set; }

    /// <summary>Allows a plain-http authority. Only for a provider on this machine.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    /// <summary>How often an open circuit re-checks that the person may still use the console.</summary>
    public TimeSpan RevalidationInterval { get; set; } = TimeSpan.FromMinutes(3);

    /// <summary>Every problem with these settings, each as one sentence naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        if (Mode == AuthMode.External && !Uri.TryCreate(Authority, UriKind.Absolute, out _))
        {
            yield return "Authentication:Authority must be the absolute URL of your OpenID Connect provider when Authentication:Mode is External.";
        }

        if (Mode == AuthMode.External && string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return "Authentication:ClientSecret must be set (environment variable Authentication__ClientSecret or user-secrets) when Authentication:Mode is External.";
        }

        if (RevalidationInterval <= TimeSpan.Zero || RevalidationInterval > TimeSpan.FromMinutes(10))
        {
            yield return "Authentication:RevalidationInterval must be between 1 second and 10 minutes.";
        }

        foreach (var role in RoleMap.Values.Where(r => !Roles.All.Contains(r)))
        {
            yield return $"Authentication:RoleMap maps to '{role}', which is not a console role ({string.Join(", ", Roles.All)}).";
        }
    }
}
