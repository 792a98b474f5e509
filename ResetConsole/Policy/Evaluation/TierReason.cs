namespace ResetConsole.Policy;

/// <summary>Why a subject is in its tier ("member of Domain Admins") and which rule said so.</summary>
public sealed record TierReason(string Text, string RuleId, IReadOnlyList<string> Controls);
