using System.Globalization;

namespace ResetConsole.Features.Audit;

/// <summary>
/// The outcome of verifying the chain: intact with its length and latest checkpoint, or the first bad sequence and
/// what is wrong there. <see cref="CheckpointProblems"/> lists checkpoint lines that were not trusted.
/// </summary>
public sealed record AuditVerification(
    long Entries,
    string LastHash,
    AuditCheckpoint? LastCheckpoint,
    AuditBreak? Break,
    long? FirstBadSequence,
    string Summary,
    IReadOnlyList<string> CheckpointProblems)
{
    public bool IsIntact => Break is null;

    /// <summary>Intact, and every checkpoint line could be trusted.</summary>
    public bool IsClean => IsIntact && CheckpointProblems.Count == 0;

    public static string Describe(AuditCheckpoint checkpoint) =>
        $"checkpoint #{checkpoint.Sequence.ToString(CultureInfo.InvariantCulture)} at {checkpoint.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)}";
}
