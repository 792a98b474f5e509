using ResetConsole.Auth;

namespace ResetConsole.Tests.Unit.Auth;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/accounts?q=nora")]
    [InlineData("/cases/42#step-2")]
    public void IsLocal_PathOnThisSite_IsTrue(string url) => Assert.True(LocalUrl.IsLocal(url));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example")]
    [InlineData("accounts")]
    [InlineData("/ok\r\nSet-Cookie: x")]
    [InlineData("javascript:alert(1)")]
    public void IsLocal_AnythingElse_IsFalse(string? url) => Assert.False(LocalUrl.IsLocal(url));

    [Fact]
    public void OrHome_ForeignUrl_IsHome() => Assert.Equal("/", LocalUrl.OrHome("https://evil.example"));
}
