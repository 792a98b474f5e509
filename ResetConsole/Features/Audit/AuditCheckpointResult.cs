namespace ResetConsole.Features.Audit;

/// <summary>What a checkpoint run did: <paramref name="Written"/> is false when nothing was new or the chain was broken.</summary>
public sealed record AuditCheckpointResult(AuditCheckpoint? Checkpoint, bool Written, bool ChainIntact, string Summary);
