using System.Net;
using System.Text.RegularExpressions;
using ResetConsole.Auth.Embedded;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// Walks the real authorization code + PKCE flow with plain HTTP: console challenge, provider login form, authorize,
/// form_post back to the console. What a browser does, minus the browser.
/// </summary>
public static partial class OidcSignIn
{
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string username, string returnUrl = "/", string password = DemoStaff.Password)
    {
        var challenge = await client.GetAsync($"/account/login?returnUrl={Uri.EscapeDataString(returnUrl)}");
        var authorize = await client.GetAsync(Expect(challenge, HttpStatusCode.Redirect).Headers.Location);
        var loginUrl = Expect(authorize, HttpStatusCode.Redirect).Headers.Location!;
        var loginPage = await client.GetStringAsync(loginUrl);

        var posted = await client.PostAsync("/idp/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(loginPage, "__RequestVerificationToken"),
            ["ReturnUrl"] = WebUtility.HtmlDecode(Field(loginPage, "ReturnUrl")),
            ["Username"] = username,
            ["Password"] = password,
        }));
        if (posted.StatusCode == HttpStatusCode.OK)
        {
            return posted;
        }

        var formPost = await client.GetStringAsync(Expect(posted, HttpStatusCode.Redirect).Headers.Location);
        var callback = await client.PostAsync(FormAction().Match(formPost).Groups[1].Value, new FormUrlEncodedContent(
            HiddenInput().Matches(formPost).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value))));
        return Expect(callback, HttpStatusCode.Redirect);
    }

    public static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static HttpResponseMessage Expect(HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode == status
            ? response
            : throw new InvalidOperationException($"Expected {status} from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}.");

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
