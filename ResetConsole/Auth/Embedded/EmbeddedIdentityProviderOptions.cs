namespace ResetConsole.Auth.Embedded;

/// <summary>The <c>EmbeddedIdentityProvider</c> section.</summary>
public sealed class EmbeddedIdentityProviderOptions
{
    public const string Section = "EmbeddedIdentityProvider";

    /// <summary>
    /// The origin browsers use to reach the console, e.g. <c>http://localhost:5000</c>. Defaults to the first address
    /// in <c>urls</c> with a wildcard host read as <c>localhost</c>.
    /// </summary>
    public string? PublicOrigin { get; set; }
}
