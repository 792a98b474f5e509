using System.Net;

namespace ResetConsole.Load.Wire;

/// <summary>One demo person signed in once through the real OIDC flow; every circuit of theirs reuses the cookie.</summary>
public sealed class StaffSession : IDisposable
{
    private readonly SocketsHttpHandler _handler;

    private StaffSession(string username, Uri origin, CookieContainer cookies, SocketsHttpHandler handler)
    {
        Username = username;
        Origin = origin;
        Cookies = cookies;
        _handler = handler;
        Http = new HttpClient(handler)
        {
            BaseAddress = origin,
            Timeout = TimeSpan.FromSeconds(120),
        };
    }

    public string Username { get; }

    public Uri Origin { get; }

    public CookieContainer Cookies { get; }

    public HttpClient Http { get; }

    public static async Task<StaffSession> SignInAsync(Uri origin, string username, CancellationToken ct = default)
    {
        var cookies = new CookieContainer();
        var session = new StaffSession(username, origin, cookies, new SocketsHttpHandler
        {
            CookieContainer = cookies,
            UseCookies = true,
            AllowAutoRedirect = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        });
        try
        {
            await OidcSignIn.SignInAsync(session.Http, username, ct);
            return session;
        }
        catch
        {
            session.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A handler over this person's pooled keep-alive connections for a SignalR client's negotiate request, as a
    /// browser sends it on the connection it loaded the page over. The client disposes what it is given when its
    /// connection ends; this one leaves the pool open.
    /// </summary>
    public HttpMessageHandler SharedHandler() => new KeepOpen(_handler);

    public void Dispose() => Http.Dispose();

    private sealed class KeepOpen(HttpMessageHandler pool) : DelegatingHandler(pool)
    {
        protected override void Dispose(bool disposing)
        {
            // Not base.Dispose: that would dispose the shared pool.
        }
    }
}
