namespace ResetConsole.Domain.Cases;

/// <summary>Why the case is in its tier, or a step-up signal that fired, with the rule that said so.</summary>
public sealed record CaseReason(string Text, string RuleId, IReadOnlyList<string> Controls);
