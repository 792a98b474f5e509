namespace ResetConsole.Domain.Cases;

public enum CaseStatus
{
    Verifying,
    Verified,
    AwaitingApproval,
    Approved,
    CoolingDown,
    Executing,
    Completed,
    Rejected,
    Abandoned,

    /// <summary>Suspected social engineering: nothing more happens until a security lead releases it.</summary>
    Frozen,

    /// <summary>A side effect failed; visible and retryable, never reported as completed.</summary>
    NeedsAttention,
}
