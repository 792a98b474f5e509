namespace ResetConsole.Domain.Cases;

/// <summary>
/// One change an execution makes outside the console. It is written as pending in the same transaction that moves the
/// case to executing, then recorded applied or failed with the error, so a crash in between is visible and resumable.
/// </summary>
public sealed class SideEffect
{
    public Guid Id { get; set; }
    public Guid CaseId { get; set; }
    public int Order { get; set; }
    public SideEffectKind Kind { get; set; }
    public SideEffectStatus Status { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    public bool LastErrorTransient { get; set; }
    public required string IdempotencyKey { get; set; }
    public DateTimeOffset? NextAttemptAt { get; set; }
    public DateTimeOffset? AppliedAt { get; set; }

    /// <summary>What happened, for the evidence pack: "revocation confirmed", "issued, expires at …". Never a secret.</summary>
    public string? Outcome { get; set; }

    public void MarkApplied(string? outcome, DateTimeOffset now)
    {
        Status = SideEffectStatus.Applied;
        Attempts++;
        AppliedAt = now;
        Outcome = outcome;
        LastError = null;
        NextAttemptAt = null;
    }

    /// <summary>Records a failure; transient ones are retried after a growing delay (or the directory's Retry-After).</summary>
    public void MarkFailed(string error, bool transient, TimeSpan? retryAfter, DateTimeOffset now)
    {
        Status = SideEffectStatus.Failed;
        Attempts++;
        LastError = error;
        LastErrorTransient = transient;
        var backoff = TimeSpan.FromSeconds(Math.Min(3600, 15 * Math.Pow(2, Math.Min(Attempts - 1, 8))));
        NextAttemptAt = transient ? now + (retryAfter > backoff ? retryAfter.Value : backoff) : null;
    }
}
