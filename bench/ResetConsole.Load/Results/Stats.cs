using System.Globalization;

namespace ResetConsole.Load.Results;

/// <summary>Percentiles and the number formats the tables use.</summary>
public static class Stats
{
    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public static string Ms(double value) => double.IsNaN(value) ? "n/a" : value.ToString(value < 10 ? "F2" : value < 100 ? "F1" : "N0", CultureInfo.InvariantCulture) + " ms";

    public static string Us(double value) => double.IsNaN(value) ? "n/a" : value.ToString("N0", CultureInfo.InvariantCulture) + " µs";

    public static string Kb(double bytes) => (bytes / 1024).ToString("N0", CultureInfo.InvariantCulture) + " KB";

    public static string Mb(double bytes) => (bytes / 1024 / 1024).ToString("N0", CultureInfo.InvariantCulture) + " MB";

    public static string N(double value, string format = "N0") => value.ToString(format, CultureInfo.InvariantCulture);

    public static string Ratio(double value, double floor) =>
        floor > 0 && !double.IsNaN(value) ? (value / floor).ToString("F1", CultureInfo.InvariantCulture) + "×" : "n/a";

    /// <summary>Appended to a goal verdict when the run was smaller than the size the goal names.</summary>
    public static string AtSize(int size, int goalSize, string what) =>
        size >= goalSize ? string.Empty : $", at {size:N0} {what} rather than {goalSize:N0}";

    public static string Goal(double value, double goal) => double.IsNaN(value) ? "n/a" : value <= goal ? "met"
        : (value / goal - 1) * 100 is var over && over < 1 ? $"missed by {over.ToString("F1", CultureInfo.InvariantCulture)}%" : $"missed by {over:F0}%";
}
