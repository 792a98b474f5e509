namespace ResetConsole.Policy;

/// <summary>Everything the policy file says, as typed records, in file order.</summary>
public sealed record PolicyDefinition(
    string Name,
    string Description,
    string DefaultTierId,
    IReadOnlyList<TierDefinition> Tiers,
    IReadOnlyList<TierRule> TierRules,
    IReadOnlyList<StepUpSignal> Signals,
    IReadOnlyList<RecoveryScript> Scripts,
    IReadOnlyList<ExceptionType> ExceptionTypes,
    int MaxOverdueReviewsPerGranter,
    TimeSpan VerificationValidity,
    VendorRules Vendors,
    FreezeRules Freeze);
