namespace ResetConsole.Infrastructure;

/// <summary>
/// Headers for every response. The CSP allows what Blazor Server and MudBlazor need: scripts and connections to
/// this origin only, inline styles (MudBlazor sets style attributes), and forms posting to this origin or the
/// identity provider.
/// </summary>
public sealed class SecurityHeadersMiddleware(RequestDelegate next, string contentSecurityPolicy)
{
    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = contentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers.XFrameOptions = "DENY";
            headers["Referrer-Policy"] = "no-referrer";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next(context);
    }

    // The embedded provider's form_post page submits itself with exactly this inline script; nothing else inline runs.
    private const string FormPostScriptHash = "'sha256-j7OoGArf6XW6YY4cAyS3riSSvrJRqpSi1fOF9vQ5SrI='";

    public static string BuildPolicy(string? identityProviderOrigin)
    {
        var formAction = identityProviderOrigin is null ? "'self'" : $"'self' {identityProviderOrigin}";
        return $"default-src 'self'; script-src 'self' {FormPostScriptHash}; style-src 'self' 'unsafe-inline'; img-src 'self' data:; " +
            $"font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action {formAction}; object-src 'none'";
    }
}
