using System.Net;
using System.Text.Json;

namespace ResetConsole.Tests.Integration;

public sealed class AccessTests : IClassFixture<ConsoleFactory>
{
    private readonly ConsoleFactory _factory;

    public AccessTests(ConsoleFactory factory) => _factory = factory;

    [Theory]
    [InlineData("/")]
    [InlineData("/accounts")]
    [InlineData("/accounts/u-0001")]
    public async Task AnonymousRequest_ToAPage_IsSentToTheProvidersAuthorizeEndpoint(string path)
    {
        var client = _factory.CreateBrowserLikeClient();

        var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"{ConsoleFactory.Origin}/idp/connect/authorize?", location);
        Assert.Contains("client_id=reset-console", location);
        Assert.Contains("code_challenge_method=S256", location);
        Assert.Contains("response_type=code", location);
    }

    [Fact]
    public async Task SignIn_ThroughTheEmbeddedProvider_ReturnsToTheRequestedPage()
    {
        var client = _factory.CreateBrowserLikeClient();

        var landed = await OidcSignIn.SignInAsync(client, "dana", returnUrl: "/accounts");
        var page = await client.GetAsync("/accounts");

        Assert.Equal("/accounts", landed.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
    }

    [Fact]
    public async Task EmbeddedProvider_SignsWithOneP256Key_AndPublishesNoRsaKey()
    {
        // Generating the provider's default RSA-4096 keys was half the CPU of every start; the sign-in above proves
        // the console accepts ES256 identity tokens, this that the provider publishes nothing else.
        var client = _factory.CreateBrowserLikeClient();

        using var keySet = JsonDocument.Parse(await client.GetStringAsync("/idp/.well-known/jwks"));

        var key = Assert.Single(keySet.RootElement.GetProperty("keys").EnumerateArray());
        Assert.Equal("EC", key.GetProperty("kty").GetString());
        Assert.Equal("P-256", key.GetProperty("crv").GetString());
        Assert.Equal("ES256", key.GetProperty("alg").GetString());
    }

    [Theory]
    [InlineData("https://evil.example/phish")]
    [InlineData("//evil.example/phish")]
    [InlineData("/\\evil.example")]
    public async Task SignIn_WithAForeignReturnUrl_LandsOnHome(string returnUrl)
    {
        var client = _factory.CreateBrowserLikeClient();

        var landed = await OidcSignIn.SignInAsync(client, "sam", returnUrl);

        Assert.Equal("/", landed.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task SignIn_WithAWrongPassword_IsRefusedOnTheForm()
    {
        var client = _factory.CreateBrowserLikeClient();

        var response = await OidcSignIn.SignInAsync(client, "dana", password: "guess");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("The username or password is not right.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SignedInPerson_WithoutTheRole_IsSentToNotAllowed()
    {
        var client = _factory.CreateBrowserLikeClient();
        await OidcSignIn.SignInAsync(client, "pat");

        var response = await client.GetAsync("/accounts");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith($"{ConsoleFactory.Origin}/not-allowed", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task Logout_WithoutAnAntiforgeryToken_IsRefused()
    {
        var client = _factory.CreateBrowserLikeClient();
        await OidcSignIn.SignInAsync(client, "dana");

        var response = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task IdentityProviderLoginForm_ForAForeignReturnUrl_ReturnsOnlyToTheAuthorizeEndpoint()
    {
        var client = _factory.CreateBrowserLikeClient();

        var page = await client.GetStringAsync("/idp/login?returnUrl=https%3A%2F%2Fevil.example%2F");

        Assert.Equal("/idp/connect/authorize", OidcSignIn.Field(page, "ReturnUrl"));
    }
}
