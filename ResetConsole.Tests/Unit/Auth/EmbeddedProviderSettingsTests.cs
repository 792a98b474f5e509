using Microsoft.Extensions.Configuration;
using ResetConsole.Auth.Embedded;

namespace ResetConsole.Tests.Unit.Auth;

public sealed class EmbeddedProviderSettingsTests
{
    [Theory]
    [InlineData(null, "http://localhost:5000")]
    [InlineData("http://*:8080", "http://localhost:8080")]
    [InlineData("http://0.0.0.0:7000;http://[::]:7001", "http://localhost:7000")]
    [InlineData("http://localhost:5123/", "http://localhost:5123")]
    public void PublicOrigin_FromUrls_IsTheFirstAddressWithAHostABrowserCanUse(string? urls, string expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = urls }).Build();

        var settings = new EmbeddedProviderSettings(configuration);

        Assert.Equal(expected, settings.PublicOrigin);
        Assert.Equal($"{expected}/idp/", settings.Authority);
    }

    [Fact]
    public void Origins_ForLocalhost_AlsoAcceptsTheLoopbackAddress()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["urls"] = "http://localhost:5000" }).Build();

        var origins = new EmbeddedProviderSettings(configuration).Origins().Select(o => o.ToString()).ToList();

        Assert.Equal(["http://localhost:5000/", "http://127.0.0.1:5000/"], origins);
    }

    [Fact]
    public void ClientSecret_IsDifferentOnEveryStart()
    {
        var configuration = new ConfigurationBuilder().Build();

        Assert.NotEqual(new EmbeddedProviderSettings(configuration).ClientSecret, new EmbeddedProviderSettings(configuration).ClientSecret);
    }
}
