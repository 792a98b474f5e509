namespace ResetConsole.Policy;

/// <summary>What a policy test case expects; a null field is not checked.</summary>
public sealed record PolicyExpectation(
    string? Tier,
    string? BaseTier,
    IReadOnlyList<string>? Reasons,
    IReadOnlyList<string>? Signals,
    IReadOnlyList<string>? Steps,
    ApprovalQueue? ApprovalQueue,
    int? ApprovalsRequired,
    bool? VendorAllowed,
    RequestedAction? EffectiveAction,
    IReadOnlyList<string>? Exceptions);
