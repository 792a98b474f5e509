namespace ResetConsole.Domain.Reporting;

/// <summary>
/// One number per UTC day, metric and key (for example resets of the Privileged tier on a day), added to in the
/// transaction of the change it counts. The trend charts read these few rows instead of a year of cases.
/// </summary>
public sealed class DailyCount
{
    /// <summary><see cref="DateOnly.DayNumber"/> of the UTC date.</summary>
    public int Day { get; set; }
    public required string Metric { get; set; }
    public required string Key { get; set; }
    public long Value { get; set; }
}
