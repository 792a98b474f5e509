using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;
using ResetConsole.Auth.Embedded;

namespace ResetConsole.Auth;

public static class AuthServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ConsoleAuthOptions>().BindConfiguration(ConsoleAuthOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ConsoleAuthOptions>, ConsoleAuthOptionsValidator>();
        var settings = configuration.GetSection(ConsoleAuthOptions.Section).Get<ConsoleAuthOptions>() ?? new ConsoleAuthOptions();

        services.AddSingleton(sp => new RoleClaimMapper(sp.GetRequiredService<IOptions<ConsoleAuthOptions>>().Value));

        services.AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddCookie(CookieAuthenticationDefaults.AuthenticationScheme, o =>
            {
                o.Cookie.Name = ConsoleCookie.Name;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = settings.Mode == AuthMode.Embedded ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
                o.ExpireTimeSpan = TimeSpan.FromHours(8);
                o.SlidingExpiration = true;
                o.AccessDeniedPath = "/not-allowed";
                o.Events.OnValidatePrincipal = ValidateStaffAsync;
            })
            .AddOpenIdConnect(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                o.ClientId = settings.ClientId;
                o.ClientSecret = settings.ClientSecret;
                o.Authority = settings.Authority;
                o.RequireHttpsMetadata = settings.RequireHttpsMetadata;
                o.ResponseType = "code";
                o.UsePkce = true;
                o.MapInboundClaims = false;
                o.SaveTokens = false;
                o.GetClaimsFromUserInfoEndpoint = settings.GetClaimsFromUserInfoEndpoint;
                o.TokenValidationParameters.NameClaimType = StaffClaims.Name;
                o.TokenValidationParameters.RoleClaimType = StaffClaims.Role;
                o.Scope.Clear();
                foreach (var scope in settings.Scopes)
                {
                    o.Scope.Add(scope);
                }

                o.SignedOutRedirectUri = "/signed-out";
                o.Events.OnTokenValidated = OnTokenValidatedAsync;
            });

        if (settings.Mode == AuthMode.Embedded)
        {
            services.AddEmbeddedIdentityProvider(configuration);
        }

        services.AddAuthorizationBuilder().AddConsolePolicies();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        return services;
    }

    private static async Task OnTokenValidatedAsync(TokenValidatedContext context)
    {
        var services = context.HttpContext.RequestServices;
        var identity = (ClaimsIdentity)context.Principal!.Identity!;
        services.GetRequiredService<RoleClaimMapper>().Apply(identity);
        identity.AddClaim(SignInTime.Create(services.GetRequiredService<TimeProvider>().GetUtcNow()));
        // The code has been redeemed: the redirect address it was bound to need not ride in the session cookie.
        context.Properties?.Items.Remove(OpenIdConnectDefaults.RedirectUriForCodePropertiesKey);
        await services.GetRequiredService<StaffDirectory>().RecordSignInAsync(context.Principal, context.HttpContext.RequestAborted);
        AuthLog.SignedIn(services.GetRequiredService<ILoggerFactory>().CreateLogger("ResetConsole.Auth"),
            identity.FindFirst(StaffClaims.Subject)?.Value ?? "?", StaffDirectory.RolesOf(context.Principal));
    }

    // The cookie outlives a role change or a switch-off; check the staff record at most once per revalidation interval.
    private static async Task ValidateStaffAsync(CookieValidatePrincipalContext context)
    {
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var interval = services.GetRequiredService<IOptions<ConsoleAuthOptions>>().Value.RevalidationInterval;
        var checkedAt = context.Properties.Items.TryGetValue(ConsoleCookie.LastCheckedKey, out var raw)
            && long.TryParse(raw, CultureInfo.InvariantCulture, out var seconds)
                ? DateTimeOffset.FromUnixTimeSeconds(seconds)
                : DateTimeOffset.MinValue;
        if (now - checkedAt < interval || context.Principal is null)
        {
            return;
        }

        var staff = services.GetRequiredService<StaffDirectory>();
        if (!await staff.IsCurrentAsync(context.Principal, SignInTime.Read(context.Principal), context.HttpContext.RequestAborted))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }

        context.Properties.Items[ConsoleCookie.LastCheckedKey] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        context.ShouldRenew = true;
    }
}
