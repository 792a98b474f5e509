using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// The whole console in memory, on a temporary SQLite file, with the OIDC handler's back channel pointed at the
/// in-memory server so discovery and token calls reach the embedded provider.
/// </summary>
public class ConsoleFactory : WebApplicationFactory<Program>
{
    public const string Origin = "http://localhost:5000";

    private readonly TempFolder _folder = new();
    private readonly Dictionary<string, string?> _settings = [];
    private readonly List<Action<IServiceCollection>> _serviceOverrides = [];

    public string DatabasePath => _folder.File("console.db");

    public ConsoleFactory With(string key, string? value)
    {
        _settings[key] = value;
        return this;
    }

    /// <summary>Replaces services after the app registered its own, e.g. a fake clock. Call before first use.</summary>
    public ConsoleFactory WithServices(Action<IServiceCollection> overrides)
    {
        _serviceOverrides.Add(overrides);
        return this;
    }

    public HttpClient CreateBrowserLikeClient() => CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri(Origin),
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Path", DatabasePath);
        builder.UseSetting("Logging:Directory", _folder.File("logs"));
        builder.UseSetting("EmbeddedIdentityProvider:PublicOrigin", Origin);
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureServices(services => services.Configure<OpenIdConnectOptions>(
            OpenIdConnectDefaults.AuthenticationScheme, o => o.BackchannelHttpHandler = Server.CreateHandler()));
        builder.ConfigureTestServices(services => _serviceOverrides.ForEach(o => o(services)));
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _folder.Dispose();
        }
    }
}
