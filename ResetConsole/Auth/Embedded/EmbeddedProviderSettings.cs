using System.Security.Cryptography;

namespace ResetConsole.Auth.Embedded;

/// <summary>
/// Where the embedded provider lives and the console's client secret for it. The secret is new on every start: the
/// provider and its only client run in one process, so nothing else ever needs it.
/// </summary>
public sealed class EmbeddedProviderSettings
{
    public const string PathPrefix = "/idp";
    public const string ClientId = "reset-console";

    public EmbeddedProviderSettings(IConfiguration configuration)
    {
        var configured = configuration[$"{EmbeddedIdentityProviderOptions.Section}:PublicOrigin"];
        var firstUrl = configuration["urls"]?.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        PublicOrigin = Normalize(configured ?? firstUrl ?? "http://localhost:5000");
    }

    public string PublicOrigin { get; }

    public string Authority => $"{PublicOrigin}{PathPrefix}/";

    public string ClientSecret { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The console's callback addresses, for both names a person may type for this machine.</summary>
    public IEnumerable<Uri> Origins()
    {
        var origin = new Uri(PublicOrigin);
        yield return origin;
        if (origin.Host == "localhost")
        {
            yield return new UriBuilder(origin) { Host = "127.0.0.1" }.Uri;
        }
    }

    private static string Normalize(string url)
    {
        var withHost = url.Replace("://*", "://localhost").Replace("://+", "://localhost")
            .Replace("://0.0.0.0", "://localhost").Replace("://[::]", "://localhost");
        var uri = new Uri(withHost);
        return uri.GetLeftPart(UriPartial.Authority);
    }
}
