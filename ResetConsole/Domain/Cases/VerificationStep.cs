using ResetConsole.Policy;

namespace ResetConsole.Domain.Cases;

/// <summary>
/// One step of a case's script. Satisfied when <see cref="MinCount"/> of its options passed, or when a documented
/// exception waived it. Failing an option past its attempts fails the step, and a failed step freezes the case.
/// </summary>
public sealed class VerificationStep
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Order { get; set; }
    public required string PolicyStepId { get; set; }
    public required string SourceRuleId { get; set; }
    public List<StepOptionSnapshot> Options { get; set; } = [];
    public int MinCount { get; set; } = 1;
    public List<string> Controls { get; set; } = [];

    /// <summary>Added after intake because a new step-up signal fired.</summary>
    public bool AddedOnReevaluation { get; set; }
    public StepStatus Status { get; set; }
    public int FailedAttempts { get; set; }
    public List<StepKind> PassedKinds { get; set; } = [];
    public List<StepEvidence> Evidence { get; set; } = [];

    /// <summary>The exception grant that waives this step, when one does (time-bound; see exceptions).</summary>
    public Guid? WaivedByExceptionId { get; set; }

    /// <summary>When the waiving exception ends; past it the waiver counts for nothing.</summary>
    public DateTimeOffset? WaivedUntil { get; set; }

    public bool IsSatisfied => Status is StepStatus.Passed or StepStatus.Waived;

    public bool IsWaiverLapsed(DateTimeOffset now) => Status == StepStatus.Waived && WaivedUntil <= now;

    public bool Allows(StepKind kind) => Options.Any(o => o.Kind == kind);

    public StepOptionSnapshot Option(StepKind kind) =>
        Options.FirstOrDefault(o => o.Kind == kind) ?? throw new CaseRuleException($"This step cannot be satisfied by {PolicyNames<StepKind>.Name(kind)}.");

    public int AttemptsLeft(StepKind kind) => Math.Max(0, Option(kind).MaxAttempts - FailedAttempts);

    internal void Pass(StepEvidence evidence)
    {
        EnsurePending(evidence.Kind);
        if (PassedKinds.Contains(evidence.Kind))
        {
            throw new CaseRuleException("This method already passed for this step; use a different one.");
        }

        PassedKinds.Add(evidence.Kind);
        Evidence.Add(evidence);
        if (PassedKinds.Count >= MinCount)
        {
            Status = StepStatus.Passed;
        }
    }

    /// <summary>Records a failed attempt; returns true when that exhausted the attempts and failed the step.</summary>
    internal bool FailAttempt(StepEvidence evidence)
    {
        EnsurePending(evidence.Kind);
        FailedAttempts++;
        Evidence.Add(evidence);
        if (FailedAttempts >= Option(evidence.Kind).MaxAttempts)
        {
            Status = StepStatus.Failed;
        }

        return Status == StepStatus.Failed;
    }

    internal void Fail(StepEvidence evidence)
    {
        EnsurePending(evidence.Kind);
        Evidence.Add(evidence);
        Status = StepStatus.Failed;
    }

    internal void Waive(Guid exceptionId, DateTimeOffset until, StepEvidence evidence)
    {
        EnsurePending(evidence.Kind);
        Status = StepStatus.Waived;
        WaivedByExceptionId = exceptionId;
        WaivedUntil = until;
        Evidence.Add(evidence);
    }

    /// <summary>The waiving exception ended: the step must be proven after all; the evidence stays as history.</summary>
    internal void EndWaiver()
    {
        if (Status == StepStatus.Waived)
        {
            Status = StepStatus.Pending;
            WaivedByExceptionId = null;
            WaivedUntil = null;
        }
    }

    /// <summary>
    /// Verification lapsed: what passed must be proven again; the evidence stays as history. A step waived by an
    /// exception that is still active stays waived.
    /// </summary>
    internal void ResetForReverification()
    {
        if (Status == StepStatus.Passed)
        {
            Status = StepStatus.Pending;
            PassedKinds.Clear();
            FailedAttempts = 0;
        }
    }

    private void EnsurePending(StepKind kind)
    {
        Option(kind);
        if (Status != StepStatus.Pending)
        {
            throw new CaseRuleException($"This step is already {Status.ToString().ToLowerInvariant()}.");
        }
    }
}
