namespace ResetConsole.Policy;

/// <summary>
/// What the policy requires for one request. <see cref="Tier"/> is after step-up, <see cref="BaseTier"/> before.
/// The app may proceed only when both <see cref="Action"/> and <see cref="Vendor"/> allow it.
/// </summary>
public sealed record PolicyDecision(
    TierDefinition Tier,
    TierDefinition BaseTier,
    IReadOnlyList<TierReason> Reasons,
    IReadOnlyList<FiredSignal> Signals,
    string? ScriptId,
    IReadOnlyList<ScriptStep> Steps,
    ApprovalRequirement Approval,
    CoolDown? CoolDown,
    TimeSpan VerificationValidity,
    PostResetActions PostReset,
    IReadOnlyList<ExceptionType> Exceptions,
    RequestedAction RequestedAction,
    RequestedAction EffectiveAction,
    Verdict Action,
    Verdict Vendor,
    DateTimeOffset? ProtectedUntil)
{
    public bool CanProceed => Action.Allowed && Vendor.Allowed;
}
