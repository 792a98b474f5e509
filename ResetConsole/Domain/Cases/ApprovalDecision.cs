namespace ResetConsole.Domain.Cases;

/// <summary>
/// One approver's decision on a case, bound to the hash of the case exactly as they reviewed it. An approval is valid
/// until <see cref="ValidUntil"/>; past that, or if the case changes, it no longer counts.
/// </summary>
public sealed class ApprovalDecision
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string ApproverId { get; set; }
    public required string ApproverName { get; set; }
    public required string ApproverRoles { get; set; }
    public bool Approved { get; set; }
    public string? Reason { get; set; }
    public required string RequestHash { get; set; }
    public DateTimeOffset DecidedAt { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }

    /// <summary>Set when the approval stopped counting (expired before execution, or the case changed).</summary>
    public DateTimeOffset? VoidedAt { get; set; }
    public string? VoidReason { get; set; }

    public bool Counts(DateTimeOffset now) => Approved && VoidedAt is null && ValidUntil > now;
}
