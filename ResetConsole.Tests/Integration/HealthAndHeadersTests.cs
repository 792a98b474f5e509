using System.Net;
using System.Text.Json;

namespace ResetConsole.Tests.Integration;

public sealed class HealthAndHeadersTests : IClassFixture<ConsoleFactory>
{
    private readonly ConsoleFactory _factory;

    public HealthAndHeadersTests(ConsoleFactory factory) => _factory = factory;

    [Fact]
    public async Task Live_Answers200()
    {
        var response = await _factory.CreateBrowserLikeClient().GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Ready_ReportsTheDatabaseHealthy()
    {
        var response = await _factory.CreateBrowserLikeClient().GetAsync("/health/ready");
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
        var database = json.RootElement.GetProperty("checks")[0];
        Assert.Equal("database", database.GetProperty("name").GetString());
        Assert.Equal(0, database.GetProperty("data").GetProperty("pendingMigrations").GetInt32());
    }

    [Fact]
    public async Task AnyResponse_CarriesTheSecurityHeaders()
    {
        var response = await _factory.CreateBrowserLikeClient().GetAsync("/idp/login");

        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Fact]
    public async Task SignedInCookie_IsHttpOnlyAndLax()
    {
        var client = _factory.CreateBrowserLikeClient();

        var landed = await OidcSignIn.SignInAsync(client, "ari");

        var cookie = landed.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".ResetConsole.Auth", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
