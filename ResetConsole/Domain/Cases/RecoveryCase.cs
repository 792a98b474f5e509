using ResetConsole.Domain.Subjects;
using ResetConsole.Policy;

namespace ResetConsole.Domain.Cases;

/// <summary>
/// One request to recover one account. Every change of state is a method that checks its preconditions and
/// refuses with <see cref="CaseRuleException"/>; <see cref="Version"/> moves on every change so a stale screen or a
/// race loses instead of overwriting.
/// </summary>
public sealed class RecoveryCase
{
    public Guid Id { get; set; }
    public required string TicketReference { get; set; }
    public RequestChannel Channel { get; set; }
    public RequestedAction RequestedAction { get; set; }
    public RequestedAction EffectiveAction { get; set; }
    public required string SubjectId { get; set; }
    public required string SubjectUsername { get; set; }
    public required string SubjectDisplayName { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public required string OpenedById { get; set; }
    public required string OpenedByName { get; set; }
    public string? OpenedByVendor { get; set; }
    public required string TierId { get; set; }
    public required string TierName { get; set; }
    public int TierRank { get; set; }
    public bool TierIsNonHuman { get; set; }
    public required string BaseTierId { get; set; }
    public List<CaseReason> Reasons { get; set; } = [];
    public List<CaseReason> Signals { get; set; } = [];
    public int PolicyVersion { get; set; }
    public ApprovalQueue ApprovalQueue { get; set; }
    public int ApprovalsRequired { get; set; }
    public TimeSpan VerificationValidity { get; set; }
    public CaseStatus Status { get; set; }
    public int Version { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? VerifiedAt { get; set; }
    public DateTimeOffset? VerifiedUntil { get; set; }
    public DateTimeOffset? SubmittedAt { get; set; }

    /// <summary>When the approval queue's SLA runs out for this case.</summary>
    public DateTimeOffset? ApprovalDueAt { get; set; }
    public DateTimeOffset? EscalatedAt { get; set; }
    public TimeSpan ApprovalValidity { get; set; }
    public TimeSpan ApprovalSla { get; set; }
    public List<string> ApprovalEligibleRoles { get; set; } = [];

    /// <summary>Who is told when the approval SLA passes (a role, from the policy).</summary>
    public string? ApprovalEscalateTo { get; set; }
    public List<string> ApprovalExclusions { get; set; } = [];
    public DateTimeOffset? ApprovedAt { get; set; }
    public List<ApprovalDecision> Decisions { get; set; } = [];

    /// <summary>The tier's wait between final approval and execution, when it has one.</summary>
    public TimeSpan? CoolDownDuration { get; set; }
    public List<string> CoolDownCancelBy { get; set; } = [];
    public DateTimeOffset? CoolDownUntil { get; set; }

    /// <summary>The policy's post-reset actions for the tier, as side-effect kinds in order.</summary>
    public List<SideEffectKind> PostResetPlan { get; set; } = [];
    public TimeSpan TemporaryAccessPassLifetime { get; set; }
    public bool RequireChangeAtNextSignIn { get; set; }
    public DateTimeOffset? ExecutionStartedAt { get; set; }
    public string? ExecutedById { get; set; }
    public List<SideEffect> SideEffects { get; set; } = [];
    public DateTimeOffset? FrozenAt { get; set; }
    public string? FrozenReason { get; set; }
    public string? FrozenById { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosedReason { get; set; }
    public List<VerificationStep> Steps { get; set; } = [];

    public string Reference => $"RC-{Id.ToString("N")[..8].ToUpperInvariant()}";

    public bool RequiresApproval => ApprovalQueue != ApprovalQueue.None && ApprovalsRequired > 0;

    public bool IsVerificationCurrent(DateTimeOffset now) => Status == CaseStatus.Verified && VerifiedUntil > now;

    /// <summary>Verified, still within the window, and no approval needed: execution may begin.</summary>
    public bool IsReadyToExecute(DateTimeOffset now) => IsVerificationCurrent(now) && !RequiresApproval;

    /// <summary>Everyone who recorded evidence on this case: none of them may approve it.</summary>
    public IReadOnlySet<string> VerifierIds => Steps.SelectMany(s => s.Evidence).Select(e => e.ById).ToHashSet();

    public static RecoveryCase Open(CaseOpening opening)
    {
        var decision = opening.Decision;
        if (!decision.Action.Allowed)
        {
            throw new CaseRuleException(decision.Action.Reason);
        }

        if (!decision.Vendor.Allowed)
        {
            throw new CaseRuleException(decision.Vendor.Reason);
        }

        var recoveryCase = new RecoveryCase
        {
            Id = Guid.CreateVersion7(opening.Now),
            TicketReference = opening.TicketReference.Trim(),
            Channel = opening.Channel,
            RequestedAction = decision.RequestedAction,
            EffectiveAction = decision.EffectiveAction,
            SubjectId = opening.Subject.Id,
            SubjectUsername = opening.Subject.Username,
            SubjectDisplayName = opening.Subject.DisplayName,
            SubjectKind = opening.Subject.Kind,
            OpenedById = opening.AgentId,
            OpenedByName = opening.AgentName,
            OpenedByVendor = opening.AgentVendor,
            TierId = decision.Tier.Id,
            TierName = decision.Tier.Name,
            BaseTierId = decision.BaseTier.Id,
            PolicyVersion = opening.PolicyVersion,
            Status = CaseStatus.Verifying,
            OpenedAt = opening.Now,
            UpdatedAt = opening.Now,
        };
        recoveryCase.ApplyDecision(decision);
        recoveryCase.AddMissingSteps(decision.Steps, onReevaluation: false);
        return recoveryCase;
    }

    public VerificationStep Step(Guid stepId) =>
        Steps.FirstOrDefault(s => s.Id == stepId) ?? throw new CaseRuleException("This step is not part of the case.");

    public void PassStep(Guid stepId, StepEvidence evidence, DateTimeOffset now)
    {
        EnsureVerifying();
        Step(stepId).Pass(evidence);
        Touch(now);
        if (Steps.All(s => s.IsSatisfied))
        {
            Status = CaseStatus.Verified;
            VerifiedAt = now;
            VerifiedUntil = now + VerificationValidity;
        }
    }

    /// <summary>
    /// A granted exception waives a pending step until <paramref name="until"/>. The evidence names the exception and
    /// its granter, who therefore counts as a verifier of this case (and may not approve it).
    /// </summary>
    public void WaiveStep(Guid stepId, Guid exceptionId, DateTimeOffset until, StepEvidence evidence, DateTimeOffset now)
    {
        EnsureVerifying();
        Step(stepId).Waive(exceptionId, until, evidence);
        Touch(now);
        if (Steps.All(s => s.IsSatisfied))
        {
            Status = CaseStatus.Verified;
            VerifiedAt = now;
            VerifiedUntil = now + VerificationValidity;
        }
    }

    /// <summary>
    /// An exception this case relied on ended (expired or revoked): it waives nothing now, so the caller must be
    /// verified again from the start, and approvals given on the waived verification no longer count. Returns true
    /// when the case relied on it and was still before execution.
    /// </summary>
    public bool LapseWaiver(Guid exceptionId, string why, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Verifying or CaseStatus.Verified or CaseStatus.AwaitingApproval or CaseStatus.Approved or CaseStatus.CoolingDown)
            || !Steps.Any(s => s.Status == StepStatus.Waived && s.WaivedByExceptionId == exceptionId))
        {
            return false;
        }

        foreach (var step in Steps)
        {
            if (step.WaivedByExceptionId == exceptionId)
            {
                step.EndWaiver();
            }

            step.ResetForReverification();
        }

        VoidApprovals($"the exception waiving a step {why}", now);
        Status = CaseStatus.Verifying;
        VerifiedAt = null;
        VerifiedUntil = null;
        SubmittedAt = null;
        ApprovedAt = null;
        ApprovalDueAt = null;
        EscalatedAt = null;
        CoolDownUntil = null;
        Touch(now);
        return true;
    }

    /// <summary>A wrong answer. Returns true when the attempts ran out, which fails the step and freezes the case.</summary>
    public bool FailAttempt(Guid stepId, StepEvidence evidence, DateTimeOffset now)
    {
        EnsureVerifying();
        var exhausted = Step(stepId).FailAttempt(evidence);
        Touch(now);
        if (exhausted)
        {
            Freeze($"Step failed: {PolicyNames<StepKind>.Name(evidence.Kind)} attempts exhausted.", evidence.ById, now);
        }

        return exhausted;
    }

    /// <summary>A definite failure (the device owner denied, the callback contradicted the caller): freezes the case.</summary>
    public void FailStep(Guid stepId, StepEvidence evidence, DateTimeOffset now)
    {
        EnsureVerifying();
        Step(stepId).Fail(evidence);
        Touch(now);
        Freeze($"Step failed: {evidence.Method}.", evidence.ById, now);
    }

    public void Freeze(string reason, string byId, DateTimeOffset now)
    {
        if (!Status.IsOpen() || Status is CaseStatus.Frozen or CaseStatus.Executing)
        {
            throw new CaseRuleException($"A case that is {Status.Label().ToLowerInvariant()} cannot be frozen.");
        }

        RequireReason(reason);
        Status = CaseStatus.Frozen;
        FrozenAt = now;
        FrozenReason = reason.Trim();
        FrozenById = byId;
        Touch(now);
    }

    /// <summary>A security lead closes a frozen case. It never resumes: a genuine caller starts a new, stepped-up case.</summary>
    public void Release(string reason, DateTimeOffset now)
    {
        if (Status != CaseStatus.Frozen)
        {
            throw new CaseRuleException("Only a frozen case can be released.");
        }

        Close(CaseStatus.Abandoned, $"Released by security: {RequireReason(reason)}", now);
    }

    public void Abandon(string reason, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Verifying or CaseStatus.Verified or CaseStatus.AwaitingApproval))
        {
            throw new CaseRuleException($"A case that is {Status.Label().ToLowerInvariant()} cannot be abandoned.");
        }

        Close(CaseStatus.Abandoned, RequireReason(reason), now);
    }

    /// <summary>Past the validity window, a verified case must be proven again. Returns true when it lapsed.</summary>
    public bool ExpireVerificationIfDue(DateTimeOffset now)
    {
        if (Status != CaseStatus.Verified || VerifiedUntil > now)
        {
            return false;
        }

        foreach (var step in Steps)
        {
            step.ResetForReverification();
        }

        Status = CaseStatus.Verifying;
        VerifiedAt = null;
        VerifiedUntil = null;
        Touch(now);
        return true;
    }

    public void SubmitForApproval(DateTimeOffset now)
    {
        if (!RequiresApproval)
        {
            throw new CaseRuleException("This case needs no approval.");
        }

        EnsureVerifiedNow(now);
        Status = CaseStatus.AwaitingApproval;
        SubmittedAt = now;
        ApprovalDueAt = now + ApprovalSla;
        EscalatedAt = null;
        Touch(now);
    }

    /// <summary>Approvals that still count: valid, not voided, from distinct people.</summary>
    public int CountingApprovals(DateTimeOffset now) => Decisions.Where(d => d.Counts(now)).Select(d => d.ApproverId).Distinct().Count();

    /// <summary>
    /// Records an approver's decision on what they reviewed (<paramref name="reviewedHash"/>). Separation of duties
    /// against people is checked by the service, which knows them; the case checks its own state and the hash.
    /// </summary>
    public ApprovalDecision Decide(string approverId, string approverName, string approverRoles, bool approve, string? reason, string reviewedHash, DateTimeOffset now)
    {
        if (Status != CaseStatus.AwaitingApproval)
        {
            throw new CaseRuleException(Status is CaseStatus.Approved or CaseStatus.Rejected or CaseStatus.CoolingDown or CaseStatus.Executing or CaseStatus.Completed
                ? "This case was already decided."
                : $"The case is {Status.Label().ToLowerInvariant()}, not awaiting approval.");
        }

        if (Decisions.Any(d => d.ApproverId == approverId && d.Counts(now)))
        {
            throw new CaseRuleException("You already approved this case; a second approval must come from someone else.");
        }

        if (Steps.Any(s => s.IsWaiverLapsed(now)))
        {
            throw new CaseRuleException("An exception this case relies on has ended; the caller must be verified again before anyone approves.");
        }

        if (reviewedHash != ApprovalHash.Compute(this))
        {
            throw new CaseRuleException("This case changed after you opened it; review it again.");
        }

        if (!approve && string.IsNullOrWhiteSpace(reason))
        {
            throw new CaseRuleException("A reason is required to reject.");
        }

        var decision = new ApprovalDecision
        {
            Id = Guid.NewGuid(),
            CaseId = Id,
            ApproverId = approverId,
            ApproverName = approverName,
            ApproverRoles = approverRoles,
            Approved = approve,
            Reason = string.IsNullOrWhiteSpace(reason) ? null : reason.Trim(),
            RequestHash = reviewedHash,
            DecidedAt = now,
            ValidUntil = approve ? now + ApprovalValidity : null,
        };
        Decisions.Add(decision);
        if (!approve)
        {
            Close(CaseStatus.Rejected, $"Rejected by {approverName}: {decision.Reason}", now);
        }
        else if (CountingApprovals(now) >= ApprovalsRequired)
        {
            ApprovedAt = now;
            if (CoolDownDuration is { } coolDown && coolDown > TimeSpan.Zero)
            {
                // The approvals hold through the cool-down: their validity runs from its end.
                Status = CaseStatus.CoolingDown;
                CoolDownUntil = now + coolDown;
                foreach (var counting in Decisions.Where(d => d.Counts(now)))
                {
                    counting.ValidUntil = CoolDownUntil + ApprovalValidity;
                }
            }
            else
            {
                Status = CaseStatus.Approved;
            }

            Touch(now);
        }
        else
        {
            Touch(now);
        }

        return decision;
    }

    /// <summary>
    /// Approvals that lapsed before execution stop counting; an approved case that no longer has enough goes back
    /// to the queue. Returns true when anything lapsed.
    /// </summary>
    public bool ExpireApprovalsIfDue(DateTimeOffset now)
    {
        var lapsed = Decisions.Where(d => d.Approved && d.VoidedAt is null && d.ValidUntil <= now).ToList();
        foreach (var decision in lapsed)
        {
            decision.VoidedAt = now;
            decision.VoidReason = "approval validity ran out before execution";
        }

        if (lapsed.Count == 0)
        {
            return false;
        }

        if (Status is CaseStatus.Approved or CaseStatus.CoolingDown && CountingApprovals(now) < ApprovalsRequired)
        {
            Status = CaseStatus.AwaitingApproval;
            ApprovedAt = null;
            ApprovalDueAt = now + ApprovalSla;
            EscalatedAt = null;
        }

        Touch(now);
        return true;
    }

    /// <summary>Marks the case escalated once its SLA has passed. Returns true the first time.</summary>
    public bool EscalateIfOverdue(DateTimeOffset now)
    {
        if (Status != CaseStatus.AwaitingApproval || EscalatedAt is not null || ApprovalDueAt > now)
        {
            return false;
        }

        EscalatedAt = now;
        Touch(now);
        return true;
    }

    private void VoidApprovals(string why, DateTimeOffset now)
    {
        foreach (var decision in Decisions.Where(d => d.Approved && d.VoidedAt is null))
        {
            decision.VoidedAt = now;
            decision.VoidReason = why;
        }
    }

    /// <summary>Why execution cannot begin now, or null when it can. The service shows this; the domain enforces it.</summary>
    public string? WhyNotExecutable(DateTimeOffset now)
    {
        if (Status == CaseStatus.Frozen)
        {
            return "The case is frozen.";
        }

        if (Status.IsOpen() && Status != CaseStatus.Executing && Status != CaseStatus.NeedsAttention && Steps.Any(s => s.IsWaiverLapsed(now)))
        {
            return "An exception this case relies on has ended; verify the caller again.";
        }

        if (Status is CaseStatus.Executing or CaseStatus.NeedsAttention or CaseStatus.Completed)
        {
            return $"The reset has already run; the case is {Status.Label().ToLowerInvariant()}.";
        }

        if (!RequiresApproval)
        {
            return IsVerificationCurrent(now) ? null
                : Status == CaseStatus.Verified ? "The verification has lapsed; verify the caller again."
                : "Every step of the script must pass first.";
        }

        if (Status == CaseStatus.CoolingDown && CoolDownUntil > now)
        {
            return $"The case is cooling down until {CoolDownUntil:yyyy-MM-dd HH:mm} UTC.";
        }

        if (Status is not (CaseStatus.Approved or CaseStatus.CoolingDown))
        {
            return Status == CaseStatus.AwaitingApproval ? "The case is still awaiting approval." : "The case is not approved.";
        }

        return CountingApprovals(now) >= ApprovalsRequired ? null : "The approvals have expired; the case must be approved again.";
    }

    /// <summary>Moves to executing and writes every planned side effect as pending, each with its idempotency key.</summary>
    public IReadOnlyList<SideEffect> BeginExecution(string byId, DateTimeOffset now)
    {
        if (WhyNotExecutable(now) is { } whyNot)
        {
            throw new CaseRuleException(whyNot);
        }

        Status = CaseStatus.Executing;
        ExecutionStartedAt = now;
        ExecutedById = byId;
        SideEffects = PostResetPlan.Select((kind, i) => new SideEffect
        {
            Id = Guid.NewGuid(),
            CaseId = Id,
            Order = i + 1,
            Kind = kind,
            Status = SideEffectStatus.Pending,
            IdempotencyKey = $"{Id:N}-{i + 1}-{kind}",
        }).ToList();
        Touch(now);
        return SideEffects;
    }

    /// <summary>Completed only when every side effect applied; a failure leaves the case visibly needing attention.</summary>
    public void SettleExecution(DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Executing or CaseStatus.NeedsAttention))
        {
            return;
        }

        if (SideEffects.Count > 0 && SideEffects.All(e => e.Status == SideEffectStatus.Applied))
        {
            Close(CaseStatus.Completed, "Every side effect applied.", now);
        }
        else if (SideEffects.Any(e => e.Status == SideEffectStatus.Failed))
        {
            Status = CaseStatus.NeedsAttention;
            Touch(now);
        }
    }

    /// <summary>A person asks for the failed side effects to be tried again.</summary>
    public void RetryExecution(DateTimeOffset now)
    {
        if (Status != CaseStatus.NeedsAttention)
        {
            throw new CaseRuleException("Only a case that needs attention can be retried.");
        }

        foreach (var effect in SideEffects.Where(e => e.Status == SideEffectStatus.Failed))
        {
            effect.Status = SideEffectStatus.Pending;
            effect.NextAttemptAt = null;
        }

        Status = CaseStatus.Executing;
        Touch(now);
    }

    /// <summary>The subject or manager of record stopped the reset during the cool-down.</summary>
    public void CancelCoolDown(string byName, string reason, DateTimeOffset now)
    {
        if (Status != CaseStatus.CoolingDown)
        {
            throw new CaseRuleException("Only a case in its cool-down can be cancelled this way.");
        }

        Close(CaseStatus.Abandoned, $"Cancelled during the cool-down by {byName}: {RequireReason(reason)}", now);
    }

    /// <summary>A security lead ends the cool-down early, with a reason.</summary>
    public void OverrideCoolDown(string reason, DateTimeOffset now)
    {
        if (Status != CaseStatus.CoolingDown || CoolDownUntil <= now)
        {
            throw new CaseRuleException("The case is not cooling down.");
        }

        RequireReason(reason);
        CoolDownUntil = now;
        Touch(now);
    }

    /// <summary>
    /// Applies a fresh evaluation (new signals, a changed directory record). The tier only rises, steps and signals
    /// are only added, a raised tier's stricter limits replace pending steps' limits, and a case with new steps goes
    /// back to verifying. A raise to a tier the agent may not handle is refused. Returns true when anything changed.
    /// </summary>
    public bool ApplyReevaluation(PolicyDecision decision, DateTimeOffset now)
    {
        if (Status is not (CaseStatus.Verifying or CaseStatus.Verified or CaseStatus.AwaitingApproval))
        {
            return false;
        }

        var raised = decision.Tier.Rank > TierRank;
        if (raised && !decision.Vendor.Allowed)
        {
            throw new CaseRuleException(decision.Vendor.Reason);
        }

        var newSignals = decision.Signals.Where(s => Signals.All(existing => existing.RuleId != s.Id)).ToList();
        if (raised)
        {
            TierId = decision.Tier.Id;
            TierName = decision.Tier.Name;
            TierRank = decision.Tier.Rank;
            TierIsNonHuman = decision.Tier.IsNonHuman;
            Reasons = decision.Reasons.Select(r => new CaseReason(r.Text, r.RuleId, r.Controls)).ToList();
            VerificationValidity = decision.VerificationValidity < VerificationValidity ? decision.VerificationValidity : VerificationValidity;
            if (decision.Approval.IsRequired && decision.Approval.Required >= ApprovalsRequired)
            {
                SetApproval(decision.Approval);
                VoidApprovals("the case was stepped up", now);
            }

            SetExecution(decision);

            TightenPendingSteps(decision.Steps);
        }

        Signals.AddRange(newSignals.Select(s => new CaseReason(s.Description, s.Id, s.Controls)));
        var added = AddMissingSteps(decision.Steps, onReevaluation: true);
        if (!raised && newSignals.Count == 0 && added == 0)
        {
            return false;
        }

        if (added > 0 && Status is CaseStatus.Verified or CaseStatus.AwaitingApproval)
        {
            VoidApprovals("new verification steps were added", now);
            Status = CaseStatus.Verifying;
            VerifiedAt = null;
            VerifiedUntil = null;
            SubmittedAt = null;
        }

        Touch(now);
        return true;
    }

    private void ApplyDecision(PolicyDecision decision)
    {
        TierRank = decision.Tier.Rank;
        TierIsNonHuman = decision.Tier.IsNonHuman;
        Reasons = decision.Reasons.Select(r => new CaseReason(r.Text, r.RuleId, r.Controls)).ToList();
        Signals = decision.Signals.Select(s => new CaseReason(s.Description, s.Id, s.Controls)).ToList();
        VerificationValidity = decision.VerificationValidity;
        SetApproval(decision.Approval);
        SetExecution(decision);
    }

    private void SetExecution(PolicyDecision decision)
    {
        CoolDownDuration = decision.CoolDown?.Duration;
        CoolDownCancelBy = decision.CoolDown?.CancelBy.Select(c => c.ToString()).ToList() ?? [];
        var post = decision.PostReset;
        TemporaryAccessPassLifetime = post.TemporaryAccessPassLifetime;
        RequireChangeAtNextSignIn = post.RequireChangeAtNextSignIn;
        var plan = new List<SideEffectKind>();
        plan.Add(decision.EffectiveAction switch
        {
            RequestedAction.MfaReset => SideEffectKind.ResetMfa,
            RequestedAction.Unlock => SideEffectKind.Unlock,
            RequestedAction.TemporaryAccessPass => SideEffectKind.IssueTemporaryAccessPass,
            RequestedAction.SecretRotation => SideEffectKind.RotateSecret,
            _ => SideEffectKind.SetTemporaryCredential,
        });

        // Sessions are revoked after every human reset above standard whatever the policy says, and wherever it asks.
        if (post.RevokeSessions || (!decision.Tier.IsNonHuman && decision.Tier.Rank > 0))
        {
            plan.Add(SideEffectKind.RevokeSessions);
        }

        plan.Add(SideEffectKind.NotifySubject);
        if (post.NotifyManager)
        {
            plan.Add(SideEffectKind.NotifyManager);
        }

        PostResetPlan = plan;
    }

    private void SetApproval(ApprovalRequirement approval)
    {
        ApprovalQueue = approval.IsRequired ? approval.Queue : ApprovalQueue.None;
        ApprovalsRequired = approval.IsRequired ? approval.Required : 0;
        ApprovalValidity = approval.Validity;
        ApprovalSla = approval.Sla;
        ApprovalEligibleRoles = [.. approval.EligibleRoles];
        ApprovalEscalateTo = approval.EscalateTo;
        ApprovalExclusions = approval.Excluded.Select(e => e.ToString()).ToList();
    }

    private void TightenPendingSteps(IReadOnlyList<ScriptStep> steps)
    {
        foreach (var step in Steps.Where(s => s.Status == StepStatus.Pending))
        {
            if (steps.FirstOrDefault(s => s.Id == step.PolicyStepId) is { } stricter)
            {
                step.Options = stricter.Options.Select(StepOptionSnapshot.From).ToList();
                step.MinCount = Math.Max(step.MinCount, stricter.MinCount);
            }
        }
    }

    private int AddMissingSteps(IReadOnlyList<ScriptStep> steps, bool onReevaluation)
    {
        var added = 0;
        foreach (var step in steps.Where(s => Steps.All(existing => existing.PolicyStepId != s.Id)))
        {
            Steps.Add(new VerificationStep
            {
                Id = Guid.NewGuid(),
                CaseId = Id,
                Order = Steps.Count + 1,
                PolicyStepId = step.Id,
                SourceRuleId = step.SourceRuleId,
                Options = step.Options.Select(StepOptionSnapshot.From).ToList(),
                MinCount = step.MinCount,
                Controls = [.. step.Controls],
                AddedOnReevaluation = onReevaluation,
            });
            added++;
        }

        return added;
    }

    private void EnsureVerifying()
    {
        if (Status == CaseStatus.Frozen)
        {
            throw new CaseRuleException("This case is frozen for suspected social engineering; only a security lead can release it.");
        }

        if (Status != CaseStatus.Verifying)
        {
            throw new CaseRuleException($"Steps can only be recorded while the case is verifying; it is {Status.Label().ToLowerInvariant()}.");
        }
    }

    private void EnsureVerifiedNow(DateTimeOffset now)
    {
        if (Status != CaseStatus.Verified)
        {
            throw new CaseRuleException(Status == CaseStatus.Verifying
                ? "Every step of the script must pass first."
                : $"The case is {Status.Label().ToLowerInvariant()}, not verified.");
        }

        if (VerifiedUntil <= now)
        {
            throw new CaseRuleException("The verification has lapsed; the caller must be verified again.");
        }

        if (Steps.Any(s => s.IsWaiverLapsed(now)))
        {
            throw new CaseRuleException("An exception this case relies on has ended; verify the caller again.");
        }
    }

    private void Close(CaseStatus status, string reason, DateTimeOffset now)
    {
        Status = status;
        ClosedAt = now;
        ClosedReason = reason;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string RequireReason(string reason) =>
        string.IsNullOrWhiteSpace(reason) ? throw new CaseRuleException("A reason is required.") : reason.Trim();
}
