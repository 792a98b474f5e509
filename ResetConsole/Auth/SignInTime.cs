using System.Globalization;
using System.Security.Claims;

namespace ResetConsole.Auth;

/// <summary>The moment the console's own session began, kept as a claim so revocation can compare against it.</summary>
public static class SignInTime
{
    public const string ClaimType = "console_signed_in_at";

    // A plain string claim: a value type other than string is written into the cookie with every session.
    public static Claim Create(DateTimeOffset now) => new(ClaimType, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture));

    public static DateTimeOffset? Read(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(ClaimType)?.Value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
