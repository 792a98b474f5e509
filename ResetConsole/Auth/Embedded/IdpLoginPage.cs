using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace ResetConsole.Auth.Embedded;

/// <summary>The embedded provider's sign-in page: plain HTML, no script, so it works before any circuit exists.</summary>
internal static class IdpLoginPage
{
    public static IResult Render(AntiforgeryTokenSet tokens, string returnUrl, string? error)
    {
        var html = HtmlEncoder.Default;
        var errorBlock = error is null ? string.Empty : $"""<p class="error" role="alert">{html.Encode(error)}</p>""";
        var page = $$"""
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8" />
              <meta name="viewport" content="width=device-width, initial-scale=1" />
              <title>Sign in · ResetConsole demo identity provider</title>
              <link rel="stylesheet" href="/idp/idp.css" />
            </head>
            <body>
              <main>
                <h1>Sign in</h1>
                <p class="banner">Demo identity provider. Never use it for real people.</p>
                {{errorBlock}}
                <form method="post" action="/idp/login">
                  <input type="hidden" name="{{html.Encode(tokens.FormFieldName)}}" value="{{html.Encode(tokens.RequestToken ?? string.Empty)}}" />
                  <input type="hidden" name="ReturnUrl" value="{{html.Encode(returnUrl)}}" />
                  <label for="username">Username</label>
                  <input id="username" name="Username" autocomplete="username" required autofocus />
                  <label for="password">Password</label>
                  <input id="password" name="Password" type="password" autocomplete="current-password" required />
                  <button type="submit">Sign in</button>
                </form>
              </main>
            </body>
            </html>
            """;
        return Results.Content(page, "text/html; charset=utf-8");
    }
}
