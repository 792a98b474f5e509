namespace ResetConsole.Features.Audit;

/// <summary>What is wrong at the first bad entry of the chain.</summary>
public enum AuditBreak
{
    /// <summary>The content no longer matches its keyed hash, but the entry still sits in its place in the chain.</summary>
    Edited,

    /// <summary>A sequence number is absent: a row was deleted.</summary>
    Missing,

    /// <summary>An authentic entry sits at a sequence it was not sealed for.</summary>
    Reordered,

    /// <summary>The hash was made without the key (for example a recomputed plain SHA-256), or the row is outside the chain.</summary>
    Forged,

    /// <summary>The chain is shorter than, or differs from, what a signed checkpoint vouched for: truncated or rolled back.</summary>
    Truncated,
}
