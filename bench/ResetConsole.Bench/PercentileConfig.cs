using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace ResetConsole.Bench;

/// <summary>Adds the 95th percentile, which is what latency goals are written against.</summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig() => AddColumn(StatisticColumn.P95);
}
