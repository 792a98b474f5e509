using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Antiforgery;

namespace ResetConsole.Auth;

public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").AllowAnonymous();
        account.MapGet("/login", (string? returnUrl) => Results.Challenge(
            new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) },
            [OpenIdConnectDefaults.AuthenticationScheme]));

        account.MapPost("/logout", (HttpContext http, ILoggerFactory loggers) =>
        {
            if (http.User.Identity?.IsAuthenticated != true)
            {
                return Results.LocalRedirect("/signed-out");
            }

            AuthLog.SignedOut(loggers.CreateLogger("ResetConsole.Auth"), http.User.FindFirstValue(StaffClaims.Subject) ?? "?");
            return Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/signed-out" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).WithMetadata(new RequireAntiforgeryTokenAttribute());
        return endpoints;
    }
}
