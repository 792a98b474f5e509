using System.Diagnostics;
using ResetConsole.Load.Results;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// N open screens full of SLA countdowns and nothing changing: how often does the server render? Read from the
/// server's own render meter (batches and components rendered) and from the batches the circuits receive. The screen
/// is the security dashboard once it exists, until then the supervisor queue (50 countdown chips); the floor is the
/// same first page with its countdowns ticked by the server once a second.
/// </summary>
public static class CountdownsScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", 2000);
        var window = TimeSpan.FromSeconds(options.Int("duration", 30));
        var report = new ResultWriter(options, "countdowns", "Countdowns: server renders with idle screens");
        await using var run = await LoadRun.StartAsync(options.Server(), "countdowns");
        var screen = await run.ExistsAsync(Screen.SecurityDashboard) ? Screen.SecurityDashboard : Screen.SupervisorQueue;
        if (screen != Screen.SecurityDashboard)
        {
            report.Note($"{Screen.SecurityDashboard.Title} ({Screen.SecurityDashboard.Path}) is not in the app yet: measured on the {screen.Title}, whose rows carry the same countdown chips.");
        }

        await run.WarmUpAsync(screen, Screen.TickingQueue);
        var idle = await MeasureAsync(run, screen, n, window);
        var ticking = await MeasureAsync(run, Screen.TickingQueue, n, window);
        report.Conditions = $"{n:N0} open screens, nothing changing, measured over {window.TotalSeconds:F0} s after the screens went quiet; console and harness on the same machine";
        report.Table($"Server renders with {n:N0} idle screens", ["screen", "render batches/s (server meter)", "components rendered/s", "batches received/s", "bytes sent/s", "server CPU (share of one core)"],
        [
            Row(screen.Title + " (countdowns tick in the browser)", idle),
            Row(Screen.TickingQueue.Title, ticking),
        ]);
        report.Note($"Goal (2,000 dashboards): 0 renders per second with nothing changing — {(idle.BatchesPerSecond == 0 ? "met" : $"missed: {idle.BatchesPerSecond:F1}/s")}{AtSize(n, 2000, "screens")}.");
        return await report.WriteAsync(run.Errors);
    }

    private static string[] Row(string title, Measured m) =>
        [title, N(m.BatchesPerSecond, "N1"), N(m.ComponentsPerSecond, "N0"), N(m.ReceivedPerSecond, "N1"), Kb(m.BytesPerSecond) + "/s", N(m.CpuShare * 100) + "%"];

    private static async Task<Measured> MeasureAsync(LoadRun run, Screen screen, int n, TimeSpan window)
    {
        var circuits = await run.OpenAsync(screen, n);
        await LoadRun.QuietAsync(circuits, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(20));
        var batches = circuits.Sum(c => (long)c.Batches);
        var bytes = circuits.Sum(c => c.BatchBytes);
        var before = await run.SnapshotAsync();
        var clock = Stopwatch.StartNew();
        await Task.Delay(window);
        var after = await run.SnapshotAsync();
        var seconds = clock.Elapsed.TotalSeconds;
        var measured = new Measured(
            (after.Count("aspnetcore.components.render_diff.size") - before.Count("aspnetcore.components.render_diff.size")) / seconds,
            (after.Sum("aspnetcore.components.render_diff.size") - before.Sum("aspnetcore.components.render_diff.size")) / seconds,
            (circuits.Sum(c => (long)c.Batches) - batches) / seconds,
            (circuits.Sum(c => c.BatchBytes) - bytes) / seconds,
            (after.CpuMicroseconds - before.CpuMicroseconds) / clock.Elapsed.TotalMicroseconds);
        Console.WriteLine($"   {screen.Title}: {measured.BatchesPerSecond:F1} render batches/s, CPU {measured.CpuShare * 100:F0}% of a core");
        await run.CloseAsync(circuits);
        return measured;
    }

    private sealed record Measured(double BatchesPerSecond, double ComponentsPerSecond, double ReceivedPerSecond, double BytesPerSecond, double CpuShare);
}
