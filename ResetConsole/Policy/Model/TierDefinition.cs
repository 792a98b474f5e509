namespace ResetConsole.Policy;

/// <summary>A risk tier. <see cref="Rank"/> is its position in the file: higher is stricter.</summary>
public sealed record TierDefinition(
    string Id,
    string Name,
    string Description,
    int Rank,
    bool IsNonHuman,
    ApprovalRequirement Approval,
    CoolDown? CoolDown,
    PostResetActions PostReset,
    SourcePosition At);
