using ResetConsole.Domain.Cases;
using ResetConsole.Features.Exceptions;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Everything a reviewer needs to judge one reset: who opened it and why it had its tier, how the caller was proven,
/// exceptions, approvals with names and times, what the reset did, and the case's audit entries with whether each
/// still verifies against the chain.
/// </summary>
public sealed record EvidencePack(
    DateTimeOffset GeneratedAt,
    string GeneratedBy,
    EvidenceCase Case,
    IReadOnlyList<EvidenceStep> Steps,
    IReadOnlyList<ExceptionView> Exceptions,
    IReadOnlyList<EvidenceApproval> Approvals,
    IReadOnlyList<EvidenceSideEffect> SideEffects,
    IReadOnlyList<AuditLine> Timeline,
    EvidenceChainCheck Chain);

public sealed record EvidenceCase(
    Guid Id,
    string Reference,
    string Ticket,
    string Channel,
    string Action,
    string SubjectId,
    string SubjectDisplayName,
    string SubjectUsername,
    string TierId,
    string TierName,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<string> Signals,
    string OpenedById,
    string OpenedByName,
    string? OpenedByVendor,
    DateTimeOffset OpenedAt,
    CaseStatus Status,
    string? ClosedReason,
    DateTimeOffset? ClosedAt,
    int PolicyVersion,
    string? PolicySha256);

public sealed record EvidenceStep(int Order, string Methods, StepStatus Status, IReadOnlyList<StepEvidence> Evidence, Guid? WaivedByExceptionId);

public sealed record EvidenceApproval(string ApproverId, string ApproverName, string ApproverRoles, bool Approved, string? Reason, DateTimeOffset DecidedAt,
    string ReviewedHash, DateTimeOffset? VoidedAt, string? VoidReason);

public sealed record EvidenceSideEffect(int Order, SideEffectKind Kind, SideEffectStatus Status, int Attempts, string? Outcome, string? LastError, DateTimeOffset? AppliedAt);

/// <summary>Whether the case's entries still verify: each one's keyed hash, and its link to the entry before it.</summary>
public sealed record EvidenceChainCheck(bool Intact, int Entries, string Summary);
