namespace ResetConsole.Features.Audit;

/// <summary>A signed statement that the chain had reached <paramref name="Sequence"/> with <paramref name="Hash"/> at <paramref name="At"/>.</summary>
public sealed record AuditCheckpoint(long Sequence, string Hash, DateTimeOffset At, string Signature);
