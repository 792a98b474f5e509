using System.Net;

namespace ResetConsole.Load.Wire;

/// <summary>One demo person signed in once through the real OIDC flow; every circuit of theirs reuses the cookie.</summary>
public sealed class StaffSession : IDisposable
{
    private StaffSession(string username, Uri origin, CookieContainer cookies, HttpClient http)
    {
        Username = username;
        Origin = origin;
        Cookies = cookies;
        Http = http;
    }

    public string Username { get; }

    public Uri Origin { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public static async Task<StaffSession> SignInAsync(Uri origin, string username, CancellationToken ct = default)
    {
        var cookies = new CookieContainer();
        var http = new HttpClient(new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        })
        {
            BaseAddress = origin,
            Timeout = TimeSpan.FromSeconds(120),
        };
        await OidcSignIn.SignInAsync(http, username, ct);
        return new StaffSession(username, origin, cookies, http);
    }

    public void Dispose() => Http.Dispose();
}
