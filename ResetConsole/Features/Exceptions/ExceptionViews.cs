using ResetConsole.Domain.Exceptions;
using ResetConsole.Policy;

namespace ResetConsole.Features.Exceptions;

/// <summary>A documented exception type an agent may ask for on a pending step of the case.</summary>
public sealed record ExceptionOption(string TypeId, string Title, string Description, Guid StepId, string StepDescription, TimeSpan MaxDuration, IReadOnlyList<string> GrantedBy);

/// <summary>One exception as screens show it, with what the reader may do with it now.</summary>
public sealed record ExceptionView(
    Guid Id,
    Guid CaseId,
    string CaseReference,
    string SubjectDisplayName,
    string TierId,
    string TypeTitle,
    string StepDescription,
    StepKind WaivedKind,
    ExceptionStatus Status,
    string Reason,
    string Evidence,
    string RequestedByName,
    DateTimeOffset RequestedAt,
    string? DecidedByName,
    DateTimeOffset? DecidedAt,
    string? DecisionNote,
    DateTimeOffset? EndsAt,
    DateTimeOffset? EndedAt,
    string? EndedByName,
    string? EndReason,
    TimeSpan MaxDuration,
    DateTimeOffset? ReviewDueAt,
    DateTimeOffset? ReviewedAt,
    string? ReviewedByName,
    ReviewOutcome? ReviewOutcome,
    string? ReviewFindings,
    bool CanDecide,
    bool CanRevoke,
    bool CanReview)
{
    public bool IsReviewOverdue(DateTimeOffset now) => ReviewedAt is null && ReviewDueAt <= now;
}

public sealed record ExceptionPage(IReadOnlyList<ExceptionView> Items, int Total);

/// <summary>A case's exceptions as the reader may see them, and what its agent may still ask for.</summary>
public sealed record CaseExceptions(IReadOnlyList<ExceptionView> Exceptions, IReadOnlyList<ExceptionOption> Options)
{
    public static readonly CaseExceptions None = new([], []);
}
