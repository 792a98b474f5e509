namespace ResetConsole.Auth;

public enum AuthMode
{
    /// <summary>The built-in OpenID Connect provider with demo staff. Never for real users.</summary>
    Embedded,

    /// <summary>Any OpenID Connect provider (Entra ID, Okta, Keycloak) named by configuration.</summary>
    External,
}
