using System.Collections.Concurrent;
using System.Diagnostics;
using ResetConsole.Load.Results;
using ResetConsole.Load.Wire;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// N agents each clicking once every 2 s (random phase) for a while; each click timed from being sent to its render
/// batch arriving. On the case page the click is the agent's "Suspected social engineering" (which opens the reason
/// form) and then Cancel, alternately, so every click renders and nothing is written; on the Counter floor it is
/// "Click me". Server-side event handling time comes from the handle_event meter.
/// </summary>
public static class InteractionScenario
{
    private static readonly TimeSpan Think = TimeSpan.FromSeconds(2);

    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", 2000);
        var duration = TimeSpan.FromSeconds(options.Int("duration", 60));
        var report = new ResultWriter(options, "interaction", "Interaction: event to render batch");
        await using var run = await LoadRun.StartAsync(options.Server(), "interaction");
        await run.WarmUpAsync(Screen.Counter("dana"), Screen.AgentCase);
        var floor = await MeasureAsync(run, Screen.Counter("dana"), n, duration, CounterClick);
        var page = await MeasureAsync(run, Screen.AgentCase, n, duration, CaseClick);
        report.Conditions = $"{n:N0} agent circuits (signed in as dana), one click per circuit every {Think.TotalSeconds:F0} s for {duration.TotalSeconds:F0} s after a ramp; " +
            "console and harness on the same machine";
        report.Table($"Event to render batch, {n:N0} agents at one action per {Think.TotalSeconds:F0} s",
            ["screen", "events", "p50", "p95", "p99", "max", "server handling (mean)", "server CPU (share of one core)", "batch per event",
                "console paused by its GC", "harness paused by its GC"],
        [
            Row(Screen.Counter("dana").Title, floor),
            Row(Screen.AgentCase.Title + " (open and cancel the freeze form)", page),
            ["case page ÷ floor", "", Ratio(page.P(0.5), floor.P(0.5)), Ratio(page.P(0.95), floor.P(0.95)), Ratio(page.P(0.99), floor.P(0.99)), "",
                Ratio(page.ServerMs, floor.ServerMs), Ratio(page.CpuShare, floor.CpuShare), Ratio(page.Bytes, floor.Bytes), "", ""],
        ]);
        report.Note("GC pauses are milliseconds per second of the measured window, every pause summed (GC.GetTotalPauseDuration): " +
            "a click whose batch arrives during a pause of either process waits for it, so the tail moves with them from run to run.");
        report.Note($"Goal (2,000 agents): p95 ≤ 15 ms — {Goal(page.P(0.95), 15)}; p99 ≤ 30 ms — {Goal(page.P(0.99), 30)}{AtSize(n, 2000, "agents")}.");
        return await report.WriteAsync(run.Errors);
    }

    private static string[] Row(string title, Measured m) =>
        [
            title, N(m.Latencies.Count), Ms(m.P(0.5)), Ms(m.P(0.95)), Ms(m.P(0.99)), Ms(m.P(1)), Us(m.ServerMs * 1000), N(m.CpuShare * 100) + "%", N(m.Bytes) + " B",
            Ms(m.ConsoleGcMsPerSecond) + "/s", Ms(m.HarnessGcMsPerSecond) + "/s",
        ];

    private static Task<ulong> CounterClick(Circuit circuit, int step) =>
        Handler(circuit, e => e.Name == "button" && e.Text.Contains("Click me", StringComparison.Ordinal));

    private static Task<ulong> CaseClick(Circuit circuit, int step) => step % 2 == 0
        ? Handler(circuit, e => e.Name == "button" && e.Text.Contains("Suspected social engineering", StringComparison.Ordinal))
        : Handler(circuit, e => e.Name == "button" && e.Text.Trim() == "Cancel");

    private static async Task<ulong> Handler(Circuit circuit, Func<RenderedElement, bool> match) => (await circuit.WaitForAsync("onclick", match)).Handler;

    private static async Task<Measured> MeasureAsync(LoadRun run, Screen screen, int n, TimeSpan duration, Func<Circuit, int, Task<ulong>> target)
    {
        var circuits = await run.OpenAsync(screen, n);
        await LoadRun.QuietAsync(circuits, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120));
        var latencies = new ConcurrentBag<double>();
        var bytes = new ConcurrentBag<int>();
        var before = await run.SnapshotAsync();
        var harnessPausedBefore = GC.GetTotalPauseDuration();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(circuits.Select(async circuit =>
        {
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.NextDouble() * Think.TotalMilliseconds));
            for (var step = 0; clock.Elapsed < duration; step++)
            {
                var next = clock.Elapsed + Think;
                try
                {
                    var handler = await target(circuit, step);
                    var size = 0;
                    var batch = circuit.NextBatchAsync(b =>
                    {
                        size = b.Bytes;
                        return true;
                    });
                    var (sent, rendered) = await circuit.ClickAsync(handler);
                    await batch;
                    latencies.Add(Stopwatch.GetElapsedTime(sent, rendered).TotalMilliseconds);
                    bytes.Add(size);
                }
                catch (Exception ex) when (ex is TimeoutException or InvalidOperationException)
                {
                    run.Errors.Add("click-failed", $"{circuit.Path} step {step}: {ex.Message}");
                    return;
                }

                if (next > clock.Elapsed)
                {
                    await Task.Delay(next - clock.Elapsed);
                }
            }
        }));
        var harnessPaused = GC.GetTotalPauseDuration() - harnessPausedBefore;
        var after = await run.SnapshotAsync();
        var window = clock.Elapsed;
        var events = after.Count("aspnetcore.components.handle_event.duration") - before.Count("aspnetcore.components.handle_event.duration");
        var serverSeconds = after.Sum("aspnetcore.components.handle_event.duration") - before.Sum("aspnetcore.components.handle_event.duration");
        var sorted = latencies.Order().ToList();
        var measured = new Measured(sorted,
            events > 0 ? serverSeconds * 1000 / events : double.NaN,
            (after.CpuMicroseconds - before.CpuMicroseconds) / window.TotalMicroseconds,
            bytes.IsEmpty ? double.NaN : bytes.Average(),
            (after.GcPauseMicroseconds - before.GcPauseMicroseconds) / 1000 / window.TotalSeconds,
            harnessPaused.TotalMilliseconds / window.TotalSeconds);
        Console.WriteLine($"   {screen.Title}: {sorted.Count} events, p95 {Ms(measured.P(0.95))}, p99 {Ms(measured.P(0.99))}, " +
            $"GC paused console {Ms(measured.ConsoleGcMsPerSecond)}/s, harness {Ms(measured.HarnessGcMsPerSecond)}/s");
        await run.CloseAsync(circuits);
        return measured;
    }

    private sealed record Measured(List<double> Latencies, double ServerMs, double CpuShare, double Bytes, double ConsoleGcMsPerSecond, double HarnessGcMsPerSecond)
    {
        public double P(double p) => Stats.Percentile(Latencies, p);
    }
}
