using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;
using ResetConsole.Data;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResetConsole.Auth.Embedded;

public static class EmbeddedIdentityProviderExtensions
{
    /// <summary>The provider's own sign-in cookie, kept apart from the console's.</summary>
    public const string CookieScheme = "EmbeddedIdp";

    public static IServiceCollection AddEmbeddedIdentityProvider(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = new EmbeddedProviderSettings(configuration);
        services.AddSingleton(settings);
        services.AddSingleton<EmbeddedUsers>();
        services.AddHostedService<EmbeddedClientRegistration>();

        services.AddAuthentication().AddCookie(CookieScheme, o =>
        {
            o.Cookie.Name = ".ResetConsole.Idp";
            o.Cookie.Path = EmbeddedProviderSettings.PathPrefix;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.LoginPath = $"{EmbeddedProviderSettings.PathPrefix}/login";
            o.ReturnUrlParameter = "returnUrl";
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
        });

        // Configure, not PostConfigure: the handler builds its metadata manager from Authority in its own PostConfigure.
        services.AddOptions<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme).Configure(o =>
        {
            o.Authority = settings.Authority;
            o.ClientId = EmbeddedProviderSettings.ClientId;
            o.ClientSecret = settings.ClientSecret;
            o.RequireHttpsMetadata = new Uri(settings.PublicOrigin).Scheme == Uri.UriSchemeHttps;

            // The provider shares the console's origin, so the form_post callback is same-site: Lax cookies arrive,
            // and plain-http demo runs need no Secure flag.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

        services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<AppDbContext>())
            .AddServer(o =>
            {
                var prefix = EmbeddedProviderSettings.PathPrefix.TrimStart('/');
                o.SetAuthorizationEndpointUris($"{prefix}/connect/authorize")
                    .SetTokenEndpointUris($"{prefix}/connect/token")
                    .SetEndSessionEndpointUris($"{prefix}/connect/logout")
                    .SetConfigurationEndpointUris($"{prefix}/.well-known/openid-configuration")
                    .SetJsonWebKeySetEndpointUris($"{prefix}/.well-known/jwks");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.OpenId, Scopes.Profile, Scopes.Roles);
                o.SetIdentityTokenLifetime(TimeSpan.FromMinutes(5)).SetAccessTokenLifetime(TimeSpan.FromMinutes(5));

                // Keys live only in memory: the console keeps its own cookie after sign-in, so a restart costs nothing.
                // ES256 to sign identity tokens and AES-256 key wrap for authorization codes: the defaults are two
                // RSA-4096 keys, whose generation was half the CPU of every start (2.4 s on 2 cores, perf).
                o.AddEphemeralEncryptionKey(SecurityAlgorithms.Aes256KW)
                    .AddEphemeralSigningKey(SecurityAlgorithms.EcdsaSha256)
                    .DisableAccessTokenEncryption();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableEndSessionEndpointPassthrough()
                    .DisableTransportSecurityRequirement();
            });
        return services;
    }

    public static IEndpointRouteBuilder MapEmbeddedIdentityProvider(this IEndpointRouteBuilder endpoints)
    {
        var idp = endpoints.MapGroup(EmbeddedProviderSettings.PathPrefix).AllowAnonymous().ExcludeFromDescription();
        idp.MapGet("/login", IdpEndpoints.ShowLogin);
        idp.MapPost("/login", IdpEndpoints.SubmitLoginAsync);
        idp.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (Delegate)IdpEndpoints.AuthorizeAsync).DisableAntiforgery();
        idp.MapPost("/connect/token", (Delegate)IdpEndpoints.ExchangeAsync).DisableAntiforgery();
        idp.MapMethods("/connect/logout", [HttpMethods.Get, HttpMethods.Post], (Delegate)IdpEndpoints.EndSessionAsync).DisableAntiforgery();
        return endpoints;
    }
}
