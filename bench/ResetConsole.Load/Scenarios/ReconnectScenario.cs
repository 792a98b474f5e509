using System.Collections.Concurrent;
using System.Diagnostics;
using ResetConsole.Load.Results;
using ResetConsole.Load.Wire;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// A deploy-style restart (SIGTERM, start again on the same data) with N agents on their case pages. Each circuit
/// then does what blazor.web.js, started with the console's schedule (wwwroot/js/start.js), and ReconnectModal.razor.js
/// do: reconnect attempts about a second apart (±50%); a server that answers but no longer has the circuit (ConnectCircuit false, no resumable state)
/// makes the page reload: a new GET and a new circuit. Measured: time from the stop signal until every agent is
/// interactive again, and failures.
/// </summary>
public static class ReconnectScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", 2000);
        var report = new ResultWriter(options, "reconnect", "Reconnect storm: restart with agents connected");
        await using var run = await LoadRun.StartAsync(options.Server(), "reconnect");
        var floor = await MeasureAsync(run, Screen.Counter("dana"), n);
        var page = await MeasureAsync(run, Screen.AgentCase, n);
        report.Conditions = $"{n:N0} agent circuits on one screen; SIGTERM, the same build restarted on the same database and keys; " +
            "each client follows the console's reconnect schedule (about 1 s ±50%); the Counter floor first, then the case page, each after its own restart; " +
            "console and harness on the same machine";
        report.Table($"Restart with {n:N0} agents connected",
            ["screen", "server down (stop)", "server ready again", "all interactive again", "p50 agent back", "p95 agent back", "by reconnect / reload", "failures"],
            [Row(Screen.Counter("dana").Title, floor), Row("agent case page", page),
             ["case page ÷ floor", "", "", Ratio(page.Last, floor.Last), Ratio(page.P50, floor.P50), Ratio(page.P95, floor.P95), "", ""]]);
        report.Table("Where the CPU went after the restart (process CPU, user and system, all threads)",
            ["screen", "console per agent, first open (4 at a time)", "console: start to ready", "console: ready to last agent back", "console per agent back", "harness: ready to last agent back"],
            [CpuRow(Screen.Counter("dana").Title, floor, n), CpuRow("agent case page", page, n),
             ["case page ÷ floor", Ratio(page.OpenCpu.TotalSeconds, floor.OpenCpu.TotalSeconds), "", Ratio(page.ReloadsCpu.TotalSeconds, floor.ReloadsCpu.TotalSeconds), "",
                 Ratio(page.HarnessCpu.TotalSeconds, floor.HarnessCpu.TotalSeconds)]]);
        report.Note($"Goal (2,000 agents): all interactive again ≤ 15 s, no failures — {(page.Missing == 0 ? Goal(page.Last, 15) : "missed: failures")}{AtSize(n, 2000, "agents")}. " +
            "Times count from the stop signal; after a restart no circuit survives, so every agent reloads (a prerendered GET and a new circuit).");
        return await report.WriteAsync(run.Errors);
    }

    private static string[] Row(string title, Measured m) =>
    [
        title, $"{m.Stopped.TotalSeconds:F1} s", $"{m.Ready.TotalSeconds:F1} s", m.Missing == 0 ? $"{m.Last:F1} s" : "not all",
        double.IsNaN(m.P50) ? "n/a" : $"{m.P50:F1} s", double.IsNaN(m.P95) ? "n/a" : $"{m.P95:F1} s", $"{m.Reconnected} / {m.Reloaded}", N(m.Missing),
    ];

    private static string[] CpuRow(string title, Measured m, int n) =>
    [
        title, Ms(m.OpenCpu.TotalMilliseconds / n), $"{m.StartCpu.TotalSeconds:F1} s", $"{m.ReloadsCpu.TotalSeconds:F1} s", Ms(m.ReloadsCpu.TotalMilliseconds / n), $"{m.HarnessCpu.TotalSeconds:F1} s",
    ];

    private static async Task<Measured> MeasureAsync(LoadRun run, Screen screen, int n)
    {
        // One entry per agent: an agent that is lost again after it came back (the old process still serving during a
        // slow stop) is counted once, and the second loss is reported.
        var back = new ConcurrentDictionary<Circuit, (double Seconds, string How)>();
        var lostAgain = 0;
        var failures = new ConcurrentBag<string>();
        var clock = new Stopwatch();
        var allSettled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // The same agents' first open, ramped as every scenario opens circuits, is each reload's cost without the storm.
        var (circuits, openCpu) = await run.OpenSettledAsync(screen, n, c => c.OnConnectionLost = (circuit, lost) =>
        {
            _ = Task.Run(async () =>
            {
                if (back.ContainsKey(circuit))
                {
                    Interlocked.Increment(ref lostAgain);
                }

                await RecoverAsync(circuit, clock, back, failures);
                if (back.Count + failures.Count >= n)
                {
                    allSettled.TrySetResult();
                }
            });
            return Task.CompletedTask;
        });

        clock.Start();
        var (stopped, ready) = await run.Server.RestartAsync();
        // Where the seconds after "ready" go: the restarted console's CPU (its start up to ready, then the reloads) and
        // the harness's own, which stands in for 2,000 browsers on the same two cores.
        var startCpu = run.Server.Cpu;
        using var harness = Process.GetCurrentProcess();
        var harnessAtReady = harness.TotalProcessorTime;
        Console.WriteLine($"   {screen.Title}: server stopped after {stopped.TotalSeconds:F1} s, ready again after {ready.TotalSeconds:F1} s");
        // Each agent's time is taken when it is back; this waits for the last one (or the deadline), showing progress.
        var deadline = TimeSpan.FromSeconds(180);
        using var progress = new PeriodicTimer(TimeSpan.FromSeconds(5));
        var settled = allSettled.Task.WaitAsync(deadline - clock.Elapsed);
        while (!settled.IsCompleted)
        {
            await Task.WhenAny(settled, progress.WaitForNextTickAsync().AsTask());
            Console.WriteLine($"   {clock.Elapsed.TotalSeconds:F0} s: {back.Count} of {n} agents interactive again, {failures.Count} gave up");
        }

        var reloadsCpu = run.Server.Cpu - startCpu;
        var harnessCpu = harness.TotalProcessorTime - harnessAtReady;
        Console.WriteLine($"   {screen.Title}: console CPU {startCpu.TotalSeconds:F1} s to ready, {reloadsCpu.TotalSeconds:F1} s from ready to the last agent back; harness {harnessCpu.TotalSeconds:F1} s");

        if (lostAgain > 0)
        {
            run.Errors.Add("lost-again", $"{screen.Title}: {lostAgain} agents lost their page again after they were back (server down after {stopped.TotalSeconds:F1} s)");
        }

        var times = back.Values.Select(b => b.Seconds).Order().ToList();
        var missing = n - back.Count;
        if (missing > 0)
        {
            run.Errors.Add("not-interactive-again", $"{screen.Title}: {missing} of {n} agents were not interactive again within {deadline.TotalSeconds:F0} s; " +
                $"first failures: {string.Join(" | ", failures.Take(3))}");
        }

        await run.CloseAsync(circuits);
        return new Measured(stopped, ready, missing, times.Count > 0 ? times[^1] : double.NaN,
            times.Count > 0 ? Stats.Percentile(times, 0.5) : double.NaN, times.Count > 0 ? Stats.Percentile(times, 0.95) : double.NaN,
            back.Values.Count(b => b.How == "reconnect"), back.Values.Count(b => b.How == "reload"), openCpu, startCpu, reloadsCpu, harnessCpu);
    }

    private sealed record Measured(TimeSpan Stopped, TimeSpan Ready, int Missing, double Last, double P50, double P95, int Reconnected, int Reloaded,
        TimeSpan OpenCpu, TimeSpan StartCpu, TimeSpan ReloadsCpu, TimeSpan HarnessCpu);

    /// <summary>The console's schedule (wwwroot/js/start.js): at once, then about 1 s for two minutes, 5 s, 30 s; each ±50%.</summary>
    private static TimeSpan RetryInterval(int previousAttempts)
    {
        var baseMs = previousAttempts == 0 ? 0 : previousAttempts < 120 ? 1000 : previousAttempts < 180 ? 5000 : 30000;
        return TimeSpan.FromMilliseconds(baseMs * (0.5 + Random.Shared.NextDouble()));
    }

    private static async Task RecoverAsync(Circuit circuit, Stopwatch clock, ConcurrentDictionary<Circuit, (double, string)> back, ConcurrentBag<string> failures)
    {
        Exception? last = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            await Task.Delay(RetryInterval(attempt));
            try
            {
                if (await circuit.ReconnectAsync())
                {
                    back.TryAdd(circuit, (clock.Elapsed.TotalSeconds, "reconnect"));
                    return;
                }

                if (!await circuit.ResumeAsync())
                {
                    await circuit.ReloadAsync();
                }

                back.TryAdd(circuit, (clock.Elapsed.TotalSeconds, "reload"));
                return;
            }
            catch (Exception ex)
            {
                // The server is not back yet (refused, reset, handshake cut short): the next attempt, on the browser's schedule.
                last = ex;
            }
        }

        failures.Add($"{circuit.Path}: {last?.GetType().Name}: {last?.Message}");
    }
}
