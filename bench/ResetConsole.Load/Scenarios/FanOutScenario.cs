using System.Diagnostics;
using ResetConsole.Load.Results;
using ResetConsole.Load.Wire;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// One approval decision, N open screens: a supervisor's own circuit clicks Review on a queue row and Approve in the
/// dialog (the real path: service, transaction, audit, hub); every observer circuit is timed from the Approve click
/// being sent to the arrival of its render batch that removes the decided row. Server CPU per screen update is the
/// console process's CPU over that window divided by N (so it includes the decision itself and the shared read).
/// The same decisions are then fanned out to N bare-table floor screens fed by the same subscription.
/// </summary>
public static class FanOutScenario
{
    private const int WarmUp = 3;

    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", 1000);
        var decisions = options.Int("decisions", 20);
        var report = new ResultWriter(options, "fanout", "Fan-out: one decision, N open queue screens");
        await using var run = await LoadRun.StartAsync(options.Server(), "fanout");
        await run.WarmUpAsync(Screen.BareTable, Screen.SupervisorQueue);
        var decider = (await run.OpenAsync(Screen.SupervisorQueue, 1))[0];
        var floor = await MeasureAsync(run, decider, Screen.BareTable, n, decisions);
        var queue = await MeasureAsync(run, decider, Screen.SupervisorQueue, n, decisions);

        report.Conditions = $"{n:N0} observer circuits signed in as the supervisor, {decisions} decisions after {WarmUp} warm-up ones, " +
            "each decision made through a separate supervisor circuit (Review, then Approve); console and harness on the same 2-core machine";
        report.Table($"Decision commit to render on {n:N0} open screens", ["screen", "p50", "p95", "p99", "max", "server CPU per screen update", "update batch"],
        [
            Row(Screen.BareTable.Title, floor),
            Row(Screen.SupervisorQueue.Title, queue),
            ["queue ÷ floor", Ratio(queue.P(0.50), floor.P(0.50)), Ratio(queue.P(0.95), floor.P(0.95)), Ratio(queue.P(0.99), floor.P(0.99)), "",
                Ratio(queue.CpuPerUpdate, floor.CpuPerUpdate), Ratio(queue.UpdateBytes, floor.UpdateBytes)],
        ]);
        report.Note("Times run from the Approve click leaving the deciding supervisor's circuit, so they include the decision's own transaction and audit append; " +
            "CPU per screen update is all the console's CPU in that window divided by the observers.");
        report.Note($"Goal (issue 5): p95 ≤ 250 ms — {Goal(queue.P(0.95), 250)}; ≤ 150 µs server CPU per screen update — {Goal(queue.CpuPerUpdate, 150)}.");
        await decider.DisposeAsync();
        return await report.WriteAsync(run.Errors);
    }

    private static string[] Row(string title, Measured m) =>
        [title, Ms(m.P(0.50)), Ms(m.P(0.95)), Ms(m.P(0.99)), Ms(m.P(1)), Us(m.CpuPerUpdate), N(m.UpdateBytes) + " B"];

    private static async Task<Measured> MeasureAsync(LoadRun run, Circuit decider, Screen screen, int n, int decisions)
    {
        var observers = await run.OpenAsync(screen, n);
        await LoadRun.QuietAsync(observers, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120));
        var latencies = new List<double>();
        var cpu = new List<double>();
        var bytes = new List<double>();
        for (var round = 0; round < WarmUp + decisions; round++)
        {
            var (_, review) = await decider.WaitForAsync("onclick", e => e.Name == "button" && e.Text.StartsWith("Review RC-", StringComparison.Ordinal));
            await decider.ClickAsync(review);
            var (_, approve) = await decider.WaitForAsync("onclick", e => e.Name == "button" && e.Text.Trim() == "Approve");
            await LoadRun.QuietAsync([decider], TimeSpan.FromMilliseconds(300), TimeSpan.FromSeconds(10));

            var sizes = new int[n];
            var arrivals = observers.Select((o, i) => o.NextBatchAsync(b =>
            {
                sizes[i] = b.Bytes;
                return b.Removes;
            })).ToArray();
            var before = await run.SnapshotAsync();
            var (sent, _) = await decider.ClickAsync(approve);
            var all = Task.WhenAll(arrivals);
            if (await Task.WhenAny(all, Task.Delay(TimeSpan.FromSeconds(60))) != all)
            {
                run.Errors.Add("fanout-missed", $"{screen.Title}: only {arrivals.Count(a => a.IsCompleted)} of {n} screens rendered the decision within 60 s");
                break;
            }

            var after = await run.SnapshotAsync();
            if (round >= WarmUp)
            {
                latencies.AddRange(all.Result.Select(arrived => Stopwatch.GetElapsedTime(sent, arrived).TotalMilliseconds));
                cpu.Add((after.CpuMicroseconds - before.CpuMicroseconds) / n);
                bytes.Add(sizes.Average());
            }

            await LoadRun.QuietAsync([.. observers, decider], TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(30));
        }

        latencies.Sort();
        var measured = new Measured(latencies, cpu.DefaultIfEmpty(double.NaN).Average(), bytes.DefaultIfEmpty(double.NaN).Average());
        Console.WriteLine($"   {screen.Title}: p50 {Ms(measured.P(0.5))}, p95 {Ms(measured.P(0.95))}, CPU per screen update {Us(measured.CpuPerUpdate)}");
        await run.CloseAsync(observers);
        return measured;
    }

    private sealed record Measured(List<double> Latencies, double CpuPerUpdate, double UpdateBytes)
    {
        public double P(double p) => Stats.Percentile(Latencies, p);
    }
}
