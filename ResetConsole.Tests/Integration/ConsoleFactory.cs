using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
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

    public string DatabasePath => _folder.File("console.db");

    public ConsoleFactory With(string key, string? value)
    {
        _settings[key] = value;
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
