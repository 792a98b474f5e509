namespace ResetConsole.Features.Security;

/// <summary>A named series of per-day counts, aligned with <see cref="Trends.Days"/>.</summary>
public sealed record DailySeries(string Name, int[] Counts)
{
    public int Total => Counts.Sum();
}

public sealed record FailureRate(string StepKind, int Passed, int Failed)
{
    public double Rate => Passed + Failed == 0 ? 0 : (double)Failed / (Passed + Failed);
}

public sealed record ApprovalTiming(string Queue, int Decisions, int WithinSla, double AverageMinutes)
{
    public double WithinSlaShare => Decisions == 0 ? 0 : (double)WithinSla / Decisions;
}

public sealed record NamedCount(string Name, int Count);

public sealed record VendorShare(string Tier, int Cases, int ByVendor)
{
    public double Share => Cases == 0 ? 0 : (double)ByVendor / Cases;
}

/// <summary>Everything the trend charts show for one date range, each part from one aggregate query.</summary>
public sealed record Trends(
    DateOnly From,
    DateOnly To,
    IReadOnlyList<DateOnly> Days,
    IReadOnlyList<DailySeries> ResetsByTier,
    IReadOnlyList<DailySeries> ResetsByChannel,
    IReadOnlyList<FailureRate> FailureRates,
    IReadOnlyList<ApprovalTiming> ApprovalTimings,
    IReadOnlyList<NamedCount> ExceptionsByType,
    IReadOnlyList<NamedCount> ExceptionsByGranter,
    IReadOnlyList<NamedCount> TopAgents,
    IReadOnlyList<VendorShare> VendorShares);
