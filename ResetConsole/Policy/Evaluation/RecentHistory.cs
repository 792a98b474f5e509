namespace ResetConsole.Policy;

/// <summary>
/// What the app knows about recent activity, read from its own records. <see cref="LastResetAt"/> falls back to the
/// subject's <c>LastCredentialResetAt</c> when null.
/// </summary>
public sealed record RecentHistory(
    DateTimeOffset? LastResetAt = null,
    int FailedVerifications = 0,
    int AgentCasesLastHour = 0,
    DateTimeOffset? LastFrozenAt = null)
{
    public static readonly RecentHistory None = new();
}
