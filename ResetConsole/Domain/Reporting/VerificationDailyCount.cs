namespace ResetConsole.Domain.Reporting;

/// <summary>
/// Verification results per UTC day and method, kept up to date in the transaction that records them, so the failure
/// rate over a year is a read of a few hundred rows instead of every case's evidence.
/// </summary>
public sealed class VerificationDailyCount
{
    /// <summary><see cref="DateOnly.DayNumber"/> of the results' UTC date.</summary>
    public int Day { get; set; }
    public required string Kind { get; set; }
    public int Passed { get; set; }
    public int Failed { get; set; }
}
