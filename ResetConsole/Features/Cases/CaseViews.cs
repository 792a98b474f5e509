using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Exceptions;
using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

/// <summary>A case as its page shows it. The subject's contacts are masked; only a callback number is shown whole.</summary>
public sealed record CaseDetails(
    RecoveryCase Case,
    CaseSubjectView Subject,
    IReadOnlyList<ChallengeView> Challenges,
    SubjectProtection? Protection,
    bool CanWork,
    bool CanFreeze,
    bool CanRelease,
    DateTimeOffset Now)
{
    /// <summary>Supervisors and security leads retry a case whose side effects failed.</summary>
    public bool CanRetry { get; init; }

    /// <summary>The case's exceptions panel, read with the case on the same context and staff check.</summary>
    public CaseExceptions Exceptions { get; init; } = CaseExceptions.None;

    /// <summary>The hub's sequence just before this was read: if nothing was published since, it is still current.</summary>
    public long AsOf { get; init; }
}

public sealed record CaseSubjectView(
    string Id,
    string DisplayName,
    string Username,
    SubjectKind Kind,
    string? ManagerName,
    string? OwnerName,
    IReadOnlyList<ContactChoice> Contacts,
    IReadOnlyList<DeviceChoice> PushDevices,
    string? CallbackNumber);

public sealed record ContactChoice(Guid Id, ContactKind Kind, string Masked);

public sealed record DeviceChoice(Guid Id, string Label);

public sealed record ChallengeView(
    Guid Id, Guid StepId, StepKind Kind, string TargetLabel, ChallengeStatus Status, DateTimeOffset ExpiresAt, int FailedAttempts, string? RespondedByName, string? Reference);

public sealed record CaseSummary(
    Guid Id, string Reference, string SubjectDisplayName, string SubjectUsername, RequestedAction Action, string TierId, string TierName,
    int TierRank, bool TierIsNonHuman, CaseStatus Status, string OpenedByName, DateTimeOffset OpenedAt, string TicketReference);

public sealed record CaseListPage(IReadOnlyList<CaseSummary> Items, int TotalCount);

public enum CaseScope
{
    Mine,
    AllOpen,
}

public sealed record CaseListQuery(CaseScope Scope, CaseStatus? Status = null, string? TierId = null, int Page = 0, int PageSize = 25);
