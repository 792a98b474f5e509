using System.Globalization;
using System.Security.Claims;

namespace ResetConsole.Auth;

/// <summary>The moment the console's own session began, kept as a claim so revocation can compare against it.</summary>
public static class SignInTime
{
    public const string ClaimType = "console_signed_in_at";

    public static Claim Create(DateTimeOffset now) =>
        new(ClaimType, now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static DateTimeOffset? Read(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst(ClaimType)?.Value, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;
}
