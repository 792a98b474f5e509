using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace ResetConsole.Infrastructure;

/// <summary>
/// Bench only: totals of the framework's own Blazor and Kestrel instruments since start, read by the load harness
/// instead of dotnet-counters. Counters keep a sum, histograms a count, sum and maximum.
/// </summary>
internal sealed class BenchMeters : IDisposable
{
    private static readonly string[] Prefixes = ["Microsoft.AspNetCore.Components", "Microsoft.AspNetCore.Server.Kestrel", "Microsoft.AspNetCore.Http.Connections"];

    private readonly MeterListener _listener = new();
    private readonly ConcurrentDictionary<string, Totals> _totals = new();

    public BenchMeters()
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (Prefixes.Any(p => instrument.Meter.Name.StartsWith(p, StringComparison.Ordinal)))
            {
                listener.EnableMeasurementEvents(instrument, _totals.GetOrAdd(instrument.Name, _ => new Totals(instrument.GetType().Name, instrument.Unit)));
            }
        };
        _listener.SetMeasurementEventCallback<double>((_, value, _, state) => ((Totals)state!).Add(value));
        _listener.SetMeasurementEventCallback<long>((_, value, _, state) => ((Totals)state!).Add(value));
        _listener.SetMeasurementEventCallback<int>((_, value, _, state) => ((Totals)state!).Add(value));
        _listener.Start();
    }

    public IReadOnlyDictionary<string, object> Snapshot() =>
        _totals.OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value.Read());

    public void Dispose() => _listener.Dispose();

    private sealed class Totals(string kind, string? unit)
    {
        private readonly Lock _lock = new();
        private long _count;
        private double _sum;
        private double _max;

        public void Add(double value)
        {
            lock (_lock)
            {
                _count++;
                _sum += value;
                _max = Math.Max(_max, value);
            }
        }

        public object Read()
        {
            lock (_lock)
            {
                return new { kind, unit, count = _count, sum = _sum, max = _max };
            }
        }
    }
}
