using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Domain.Exceptions;

/// <summary>
/// A documented exception (NIST SP 800-63A-4 trusted referee) asked for on one step of one case: requested by an agent
/// with a reason and evidence, granted for a bounded time by someone the policy allows, ended by expiry or
/// revocation, and always reviewed afterwards by someone other than the granter. Every transition is a checked
/// method; people rules that need current data (roles, the granter's overdue reviews) are checked by the service.
/// </summary>
public sealed class ExceptionGrant
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public required string CaseReference { get; set; }
    public required string SubjectId { get; set; }
    public required string SubjectDisplayName { get; set; }
    public required string TierId { get; set; }
    public int PolicyVersion { get; set; }
    public required string TypeId { get; set; }
    public required string TypeTitle { get; set; }
    public Guid StepId { get; set; }
    public required string StepDescription { get; set; }

    /// <summary>The method of the step the exception stands in for (the first of the step's methods the type may waive).</summary>
    public StepKind WaivedKind { get; set; }
    public TimeSpan MaxDuration { get; set; }
    public TimeSpan ReviewWithin { get; set; }
    public bool CountsAgainstReviewLimit { get; set; }
    public List<string> GrantedByRoles { get; set; } = [];
    public ExceptionStatus Status { get; set; }
    public required string Reason { get; set; }
    public required string Evidence { get; set; }
    public required string RequestedById { get; set; }
    public required string RequestedByName { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public DateTimeOffset? StartsAt { get; set; }
    public DateTimeOffset? EndsAt { get; set; }
    public DateTimeOffset? EndedAt { get; set; }
    public string? EndedById { get; set; }
    public string? EndedByName { get; set; }
    public string? EndReason { get; set; }
    public DateTimeOffset? ReviewDueAt { get; set; }
    public DateTimeOffset? ReviewedAt { get; set; }
    public string? ReviewedById { get; set; }
    public string? ReviewedByName { get; set; }
    public ReviewOutcome? ReviewOutcome { get; set; }
    public string? ReviewFindings { get; set; }

    /// <summary>Set once the review passed its due time and the overdue alert went out.</summary>
    public DateTimeOffset? ReviewOverdueAlertedAt { get; set; }
    public int Version { get; set; }

    public bool IsActive(DateTimeOffset now) => Status == ExceptionStatus.Active && EndsAt > now;

    public bool NeedsReview => ReviewDueAt is not null && ReviewedAt is null;

    public bool IsReviewOverdue(DateTimeOffset now) => NeedsReview && ReviewDueAt <= now;

    /// <summary>
    /// An agent asks for <paramref name="type"/> on <paramref name="step"/> of a case that is still verifying. The
    /// type must apply to the case's tier and may waive one of the step's methods.
    /// </summary>
    public static ExceptionGrant Request(RecoveryCase recoveryCase, VerificationStep step, ExceptionType type, string reason, string evidence,
        string requesterId, string requesterName, DateTimeOffset now)
    {
        if (recoveryCase.Status != CaseStatus.Verifying)
        {
            throw new CaseRuleException($"An exception can only be asked for while the case is verifying; it is {recoveryCase.Status.Label().ToLowerInvariant()}.");
        }

        if (step.Status != StepStatus.Pending)
        {
            throw new CaseRuleException($"This step is already {step.Status.ToString().ToLowerInvariant()}.");
        }

        if (type.TierIds.Count > 0 && !type.TierIds.Contains(recoveryCase.TierId))
        {
            throw new CaseRuleException($"The exception '{type.Title}' is not documented for the {recoveryCase.TierName} tier.");
        }

        if (!type.MayWaive.Any(step.Allows))
        {
            throw new CaseRuleException($"The exception '{type.Title}' may only waive {string.Join(", ", type.MayWaive.Select(PolicyNames<StepKind>.Name))}; this step is not one of those.");
        }

        return new ExceptionGrant
        {
            Id = Guid.CreateVersion7(now),
            CaseId = recoveryCase.Id,
            CaseReference = recoveryCase.Reference,
            SubjectId = recoveryCase.SubjectId,
            SubjectDisplayName = recoveryCase.SubjectDisplayName,
            TierId = recoveryCase.TierId,
            PolicyVersion = recoveryCase.PolicyVersion,
            TypeId = type.Id,
            TypeTitle = type.Title,
            StepId = step.Id,
            StepDescription = string.Join(" or ", step.Options.Select(o => PolicyNames<StepKind>.Name(o.Kind))),
            WaivedKind = step.Options.First(o => type.MayWaive.Contains(o.Kind)).Kind,
            MaxDuration = type.MaxDuration,
            ReviewWithin = type.ReviewWithin,
            CountsAgainstReviewLimit = type.CountsAgainstReviewLimit,
            GrantedByRoles = [.. type.GrantedBy],
            Status = ExceptionStatus.Requested,
            Reason = Required(reason, "A reason is required."),
            Evidence = Required(evidence, "Evidence is required: what shows the exception is warranted (for example a travel booking or a manager's note)."),
            RequestedById = requesterId,
            RequestedByName = requesterName,
            RequestedAt = now,
        };
    }

    /// <summary>Grants for <paramref name="duration"/> (at most the type's maximum) and opens the review.</summary>
    public void Grant(string granterId, string granterName, TimeSpan duration, string? note, DateTimeOffset now)
    {
        EnsureRequested();
        if (granterId == RequestedById)
        {
            throw new CaseRuleException("You asked for this exception; someone else must grant it.");
        }

        if (duration <= TimeSpan.Zero)
        {
            throw new CaseRuleException("The duration must be positive.");
        }

        if (duration > MaxDuration)
        {
            throw new CaseRuleException($"The policy allows '{TypeTitle}' for at most {PolicyDuration.Format(MaxDuration)}.");
        }

        Status = ExceptionStatus.Active;
        DecidedById = granterId;
        DecidedByName = granterName;
        DecidedAt = now;
        DecisionNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        StartsAt = now;
        EndsAt = now + duration;
        ReviewDueAt = now + ReviewWithin;
        Version++;
    }

    public void Deny(string deciderId, string deciderName, string reason, DateTimeOffset now)
    {
        EnsureRequested();
        Status = ExceptionStatus.Denied;
        DecidedById = deciderId;
        DecidedByName = deciderName;
        DecidedAt = now;
        DecisionNote = Required(reason, "A reason is required to deny.");
        Version++;
    }

    /// <summary>The request can no longer be granted (the case moved on).</summary>
    public void Withdraw(string why, DateTimeOffset now)
    {
        EnsureRequested();
        Status = ExceptionStatus.Withdrawn;
        EndedAt = now;
        EndReason = why;
        Version++;
    }

    public void Revoke(string byId, string byName, string reason, DateTimeOffset now)
    {
        if (!IsActive(now))
        {
            throw new CaseRuleException("Only an active exception can be revoked.");
        }

        End(ExceptionStatus.Revoked, byId, byName, Required(reason, "A reason is required to revoke."), now);
    }

    /// <summary>Ends an active exception whose time is up. Returns false when there is nothing to do.</summary>
    public bool ExpireIfDue(DateTimeOffset now)
    {
        if (Status != ExceptionStatus.Active || EndsAt > now)
        {
            return false;
        }

        // It ended at its end time even when the server was down then; the record says when, not when it was noticed.
        End(ExceptionStatus.Expired, null, null, "reached its end time", EndsAt!.Value);
        return true;
    }

    public void Review(string reviewerId, string reviewerName, ReviewOutcome outcome, string findings, DateTimeOffset now)
    {
        if (ReviewDueAt is null)
        {
            throw new CaseRuleException("Only a granted exception is reviewed.");
        }

        if (ReviewedAt is not null)
        {
            throw new CaseRuleException($"This exception was already reviewed by {ReviewedByName}.");
        }

        if (reviewerId == DecidedById)
        {
            throw new CaseRuleException("You granted this exception; a different security lead must review it.");
        }

        if (reviewerId == RequestedById)
        {
            throw new CaseRuleException("You asked for this exception; a different security lead must review it.");
        }

        ReviewedAt = now;
        ReviewedById = reviewerId;
        ReviewedByName = reviewerName;
        ReviewOutcome = outcome;
        ReviewFindings = Required(findings, "Findings are required: what the review found.");
        Version++;
    }

    private void End(ExceptionStatus status, string? byId, string? byName, string reason, DateTimeOffset at)
    {
        Status = status;
        EndedAt = at;
        EndedById = byId;
        EndedByName = byName;
        EndReason = reason;
        Version++;
    }

    private void EnsureRequested()
    {
        if (Status != ExceptionStatus.Requested)
        {
            throw new CaseRuleException($"This exception was already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new CaseRuleException(message) : text.Trim();
}
