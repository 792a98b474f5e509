using System.Net;
using System.Text.RegularExpressions;

namespace ResetConsole.Load.Wire;

/// <summary>
/// The real authorization code + PKCE flow over plain HTTP against the embedded provider, as
/// ResetConsole.Tests/Integration/OidcSignIn.cs walks it: console challenge, provider login form, authorize,
/// form_post back to the console, which sets the console's cookie.
/// </summary>
public static partial class OidcSignIn
{
    public const string Password = "demo-pass-2026";

    public static async Task SignInAsync(HttpClient client, string username, CancellationToken ct = default)
    {
        var challenge = await client.GetAsync("/account/login?returnUrl=%2F", ct);
        var authorize = await client.GetAsync(Expect(challenge, HttpStatusCode.Redirect).Headers.Location, ct);
        var loginPage = await client.GetStringAsync(Expect(authorize, HttpStatusCode.Redirect).Headers.Location, ct);

        var posted = await client.PostAsync("/idp/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Field(loginPage, "__RequestVerificationToken"),
            ["ReturnUrl"] = WebUtility.HtmlDecode(Field(loginPage, "ReturnUrl")),
            ["Username"] = username,
            ["Password"] = Password,
        }), ct);
        var formPost = await client.GetStringAsync(Expect(posted, HttpStatusCode.Redirect).Headers.Location, ct);
        var callback = await client.PostAsync(FormAction().Match(formPost).Groups[1].Value, new FormUrlEncodedContent(
            HiddenInput().Matches(formPost).ToDictionary(m => m.Groups[1].Value, m => WebUtility.HtmlDecode(m.Groups[2].Value))), ct);
        Expect(callback, HttpStatusCode.Redirect);
    }

    private static string Field(string html, string name) =>
        Regex.Match(html, $"name=\"{Regex.Escape(name)}\" value=\"([^\"]*)\"").Groups[1].Value;

    private static HttpResponseMessage Expect(HttpResponseMessage response, HttpStatusCode status) =>
        response.StatusCode == status
            ? response
            : throw new InvalidOperationException($"Sign-in: expected {status} from {response.RequestMessage?.RequestUri}, got {(int)response.StatusCode}.");

    [GeneratedRegex("<form[^>]*action=\"([^\"]+)\"")]
    private static partial Regex FormAction();

    [GeneratedRegex("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\"")]
    private static partial Regex HiddenInput();
}
