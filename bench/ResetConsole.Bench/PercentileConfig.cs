using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace ResetConsole.Bench;

/// <summary>
/// Adds the 95th percentile, which is what latency goals are written against, and gives the generated benchmark
/// project time to build on a busy 2-core machine.
/// </summary>
public sealed class PercentileConfig : ManualConfig
{
    public PercentileConfig()
    {
        AddColumn(StatisticColumn.P95);
        WithBuildTimeout(TimeSpan.FromMinutes(10));
    }
}
