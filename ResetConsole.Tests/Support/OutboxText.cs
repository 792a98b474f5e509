using System.Text.RegularExpressions;

namespace ResetConsole.Tests.Support;

/// <summary>Reads what a test needs out of an outbox message, the way the person receiving it would.</summary>
public static partial class OutboxText
{
    /// <summary>The one-time code in a verification message.</summary>
    public static string Code(string body) => CodePattern().Match(body).Groups[1].Value;

    /// <summary>The challenge a push, attestation or identity-check message links to.</summary>
    public static Guid ChallengeId(string? link) => Guid.Parse(ChallengePattern().Match(link ?? string.Empty).Groups[1].Value);

    [GeneratedRegex(@"code is (\d+)")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^/demo/respond/([0-9a-f-]{36})$")]
    private static partial Regex ChallengePattern();
}
