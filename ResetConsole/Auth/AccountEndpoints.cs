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

        account.MapPost("/logout", async (HttpContext http, IAntiforgery antiforgery, ILoggerFactory loggers) =>
        {
            // Sign-out is a state change: a cross-site form must not be able to trigger it.
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.BadRequest();
            }

            if (http.User.Identity?.IsAuthenticated != true)
            {
                return Results.LocalRedirect("/signed-out");
            }

            AuthLog.SignedOut(loggers.CreateLogger("ResetConsole.Auth"), http.User.FindFirstValue(StaffClaims.Subject) ?? "?");
            return Results.SignOut(
                new AuthenticationProperties { RedirectUri = "/signed-out" },
                [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);
        }).DisableAntiforgery();
        return endpoints;
    }
}
