namespace ResetConsole.Policy;

/// <summary>After a failed or suspected social-engineering case, the account is protected for this period.</summary>
public sealed record FreezeRules(TimeSpan ProtectionPeriod, IReadOnlyList<string> Controls);
