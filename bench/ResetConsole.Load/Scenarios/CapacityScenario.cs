using System.Diagnostics;
using ResetConsole.Load.Results;
using ResetConsole.Load.Wire;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// N circuits of mixed screens held open for a while: does every one stay connected, how big does the heap get?
/// Samples the server every 30 s, forces a full GC at the end, then proves a sample of circuits still answers a click.
/// </summary>
public static class CapacityScenario
{
    // Share of the circuits per screen; the security dashboard joins the mix once the app has it.
    private static readonly (Screen Screen, double Share)[] Mix =
    [
        (Screen.AgentCase, 0.6),
        (Screen.SupervisorQueue, 0.3),
        (Screen.SecurityDashboard, 0.1),
    ];

    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", 5000);
        var hold = TimeSpan.FromSeconds(options.Int("duration", 600));
        var report = new ResultWriter(options, "capacity", "Capacity: mixed circuits held open");
        await using var run = await LoadRun.StartAsync(options.Server(), "capacity");
        var mix = new List<(Screen Screen, double Share)>();
        foreach (var (screen, share) in Mix)
        {
            if (await run.ExistsAsync(screen))
            {
                mix.Add((screen, share));
            }
            else
            {
                report.Note($"{screen.Title} ({screen.Path}) is not in the app yet: its share went to the other screens.");
            }
        }

        var total = mix.Sum(m => m.Share);
        var circuits = new List<Circuit>();
        var opened = Stopwatch.StartNew();
        foreach (var (screen, share) in mix)
        {
            circuits.AddRange(await run.OpenAsync(screen, (int)Math.Round(n * share / total)));
        }

        var rampSeconds = opened.Elapsed.TotalSeconds;
        await LoadRun.QuietAsync(circuits, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120));
        var samples = new List<string[]>();
        var clock = Stopwatch.StartNew();
        var cpu = (await run.SnapshotAsync()).CpuMicroseconds;
        var sampled = clock.Elapsed;
        while (clock.Elapsed < hold)
        {
            await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, Math.Max(1, (hold - clock.Elapsed).TotalSeconds))));
            var s = await run.SnapshotAsync();
            var share = (s.CpuMicroseconds - cpu) / (clock.Elapsed - sampled).TotalMicroseconds;
            samples.Add([$"{clock.Elapsed.TotalSeconds:F0} s", N(s.ActiveCircuits), Mb(s.HeapBytes), Mb(s.WorkingSetBytes), N(share * 100) + "%"]);
            (cpu, sampled) = (s.CpuMicroseconds, clock.Elapsed);
            Console.WriteLine($"   {samples[^1][0]}: {samples[^1][1]} circuits, heap {samples[^1][2]}, working set {samples[^1][3]}, CPU {samples[^1][4]} of a core");
        }

        var end = await run.SnapshotAsync(fullGc: true);
        var alive = await ProveAliveAsync(circuits.Where(c => c.Path.StartsWith("/cases/", StringComparison.Ordinal)).Take(20).ToList(), run.Errors);
        if (end.ActiveCircuits != circuits.Count)
        {
            run.Errors.Add("circuit-count", $"the server counts {end.ActiveCircuits} circuits at the end, the harness opened {circuits.Count}");
        }

        report.Conditions = $"{circuits.Count:N0} circuits ({string.Join(", ", mix.Select(m => $"{m.Share / total * 100:F0}% {m.Screen.Title}"))}) opened in {rampSeconds:F0} s, " +
            $"held {hold.TotalMinutes:0.#} min with keep-alives only; console and harness on the same machine";
        report.Table($"{circuits.Count:N0} mixed circuits held {hold.TotalMinutes:0.#} min",
            ["circuits at end (server)", "heap after full GC", "goal", "working set", "circuits answering a click (sample)", "errors"],
            [[N(end.ActiveCircuits), Mb(end.HeapBytes), "≤ 3,072 MB", Mb(end.WorkingSetBytes), $"{alive} of 20", N(run.Errors.Count)]]);
        report.Table("Samples while holding", ["time", "circuits", "heap (no forced GC)", "working set", "CPU"], samples);
        var projected = end.HeapBytes / 1024.0 / 1024 * 5000 / Math.Max(1, circuits.Count);
        report.Note(circuits.Count >= 5000 && hold >= TimeSpan.FromMinutes(10)
            ? $"Goal: 5,000 circuits for 10 minutes in ≤ 3 GB heap with no error — heap {Goal(end.HeapBytes / 1024.0 / 1024, 3072)}, {run.Errors.Summary()}."
            : $"Goal: 5,000 circuits for 10 minutes in ≤ 3 GB heap with no error — run at {circuits.Count:N0} for {hold.TotalMinutes:0.#} min, so no verdict; " +
              $"at this heap per circuit 5,000 would need {projected:N0} MB ({Goal(projected, 3072)}); {run.Errors.Summary()}.");
        await run.CloseAsync(circuits);
        return await report.WriteAsync(run.Errors);
    }

    private static async Task<int> ProveAliveAsync(List<Circuit> sample, LoadErrors errors)
    {
        var alive = 0;
        foreach (var circuit in sample)
        {
            try
            {
                var (_, open) = await circuit.WaitForAsync("onclick", e => e.Name == "button" && e.Text.Contains("Suspected social engineering", StringComparison.Ordinal), TimeSpan.FromSeconds(10));
                await circuit.ClickAsync(open, TimeSpan.FromSeconds(10));
                var (_, cancel) = await circuit.WaitForAsync("onclick", e => e.Name == "button" && e.Text.Trim() == "Cancel", TimeSpan.FromSeconds(10));
                await circuit.ClickAsync(cancel, TimeSpan.FromSeconds(10));
                alive++;
            }
            catch (TimeoutException)
            {
                errors.Add("not-answering", $"{circuit.Path} did not answer a click after the hold");
            }
        }

        return alive;
    }
}
