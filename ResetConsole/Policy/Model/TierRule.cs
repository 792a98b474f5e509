namespace ResetConsole.Policy;

/// <summary>
/// Maps subject attributes to a tier. <see cref="Reason"/> may contain "{match}", replaced by the matched group,
/// role, kind, department or attribute value ("member of {match}" gives "member of Domain Admins").
/// </summary>
public sealed record TierRule(
    string Id,
    string TierId,
    SubjectCondition When,
    string Reason,
    IReadOnlyList<string> Controls,
    SourcePosition At);
