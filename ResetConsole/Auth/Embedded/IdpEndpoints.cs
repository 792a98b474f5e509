using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Mvc;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace ResetConsole.Auth.Embedded;

/// <summary>The embedded provider's sign-in form and its OpenID Connect passthrough endpoints.</summary>
internal static class IdpEndpoints
{
    private const string AuthorizePath = EmbeddedProviderSettings.PathPrefix + "/connect/authorize";

    public static IResult ShowLogin(HttpContext http, IAntiforgery antiforgery, string? returnUrl) =>
        IdpLoginPage.Render(antiforgery.GetAndStoreTokens(http), SafeReturnUrl(returnUrl), error: null);

    public static async Task<IResult> SubmitLoginAsync(
        HttpContext http, IAntiforgery antiforgery, ILoggerFactory loggers, EmbeddedUsers users, [FromForm] IdpLoginForm form)
    {
        var returnUrl = SafeReturnUrl(form.ReturnUrl);
        var staff = await users.AuthenticateAsync(form.Username, form.Password, http.RequestAborted);
        if (staff is null)
        {
            AuthLog.EmbeddedSignInRefused(loggers.CreateLogger("ResetConsole.Auth.Embedded"));
            return IdpLoginPage.Render(antiforgery.GetAndStoreTokens(http), returnUrl, "The username or password is not right.");
        }

        var identity = new ClaimsIdentity(EmbeddedIdentityProviderExtensions.CookieScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, staff.Username));
        identity.AddClaim(new Claim(Claims.Name, staff.DisplayName));
        await http.SignInAsync(EmbeddedIdentityProviderExtensions.CookieScheme, new ClaimsPrincipal(identity));
        return Results.LocalRedirect(returnUrl);
    }

    public static async Task<IResult> AuthorizeAsync(HttpContext http, EmbeddedUsers users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var session = await http.AuthenticateAsync(EmbeddedIdentityProviderExtensions.CookieScheme);
        var staff = session.Succeeded ? await users.FindAsync(session.Principal.FindFirstValue(Claims.Subject), http.RequestAborted) : null;
        if (staff is null || request.HasPromptValue(PromptValues.Login))
        {
            if (request.HasPromptValue(PromptValues.None))
            {
                return Forbid(Errors.LoginRequired, "Sign-in is required.");
            }

            var parameters = http.Request.HasFormContentType ? http.Request.Form.ToList() : http.Request.Query.ToList();
            parameters.RemoveAll(p => p.Key == Parameters.Prompt);
            return Results.Challenge(
                new AuthenticationProperties { RedirectUri = AuthorizePath + QueryString.Create(parameters) },
                [EmbeddedIdentityProviderExtensions.CookieScheme]);
        }

        return SignIn(CreateIdentity(staff, request.GetScopes()));
    }

    public static async Task<IResult> ExchangeAsync(HttpContext http, EmbeddedUsers users)
    {
        var request = http.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Forbid(Errors.UnsupportedGrantType, "Only the authorization code grant is supported.");
        }

        var result = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var staff = await users.FindAsync(result.Principal?.GetClaim(Claims.Subject), http.RequestAborted);
        return staff is null
            ? Forbid(Errors.InvalidGrant, "The person no longer exists.")
            : SignIn(CreateIdentity(staff, result.Principal!.GetScopes()));
    }

    public static async Task<IResult> EndSessionAsync(HttpContext http)
    {
        await http.SignOutAsync(EmbeddedIdentityProviderExtensions.CookieScheme);
        return Results.SignOut(
            new AuthenticationProperties { RedirectUri = "/signed-out" },
            [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }

    private static ClaimsIdentity CreateIdentity(DemoStaffMember staff, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.SetClaim(Claims.Subject, staff.Username)
            .SetClaim(Claims.Name, staff.DisplayName)
            .SetClaim(Claims.PreferredUsername, staff.Username)
            .SetClaims(Claims.Role, [.. staff.Roles]);
        if (staff.Vendor is { } vendor)
        {
            identity.SetClaim(StaffClaims.Vendor, "true").SetClaim(StaffClaims.VendorName, vendor);
        }

        identity.SetScopes(scopes);
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return identity;
    }

    private static IResult SignIn(ClaimsIdentity identity) =>
        Results.SignIn(new ClaimsPrincipal(identity), properties: null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);

    private static IResult Forbid(string error, string description) => Results.Forbid(
        new AuthenticationProperties(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        }),
        [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    // The form only ever returns to the provider's own authorize endpoint; anything else is an open redirect.
    private static string SafeReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(AuthorizePath + "?", StringComparison.Ordinal) && !returnUrl.Contains("//", StringComparison.Ordinal)
            ? returnUrl
            : AuthorizePath;
}
