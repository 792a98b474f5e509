namespace ResetConsole.Policy;

/// <summary>
/// A documented exception (NIST SP 800-63A-4 trusted referee): which step kinds it may waive, for how long, who may
/// grant it and when it must be reviewed. <see cref="TierIds"/> empty means every tier.
/// </summary>
public sealed record ExceptionType(
    string Id,
    string Title,
    string Description,
    IReadOnlyList<StepKind> MayWaive,
    TimeSpan MaxDuration,
    IReadOnlyList<string> GrantedBy,
    TimeSpan ReviewWithin,
    bool CountsAgainstReviewLimit,
    IReadOnlyList<string> TierIds,
    IReadOnlyList<string> Controls,
    SourcePosition At);
