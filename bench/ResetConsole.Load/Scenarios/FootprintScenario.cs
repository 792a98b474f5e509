using ResetConsole.Load.Results;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// Heap per circuit after a full compacting GC, N circuits of one screen open at once, each screen beside the
/// Counter-style floor opened by the same person: (heap with N open − heap with none) / N. Each screen gets a fresh
/// server, warmed with a few circuits: Kestrel's pinned buffer pool keeps what it grew to, so a second screen on the
/// same process would not pay for its connections' buffers and the comparison would favour whichever ran later.
/// </summary>
public static class FootprintScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        var n = options.Int("circuits", 1000);
        var report = new ResultWriter(options, "footprint", "Circuit footprint: heap per circuit after a full GC");
        var errors = new Wire.LoadErrors();
        var floors = new Dictionary<string, Measured>();
        var rows = new List<string[]>();
        var only = options.String("screens")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        foreach (var screen in Screen.WithFootprintGoal.Where(s => only is null || only.Contains(s.Key)))
        {
            var measured = await MeasureAsync(options, screen, n, errors);
            if (measured is null)
            {
                report.Note($"{screen.Title} ({screen.Path}) answered 404: not in the app yet, not measured.");
                continue;
            }

            if (!floors.TryGetValue(screen.Person, out var floor))
            {
                floor = floors[screen.Person] = (await MeasureAsync(options, Screen.Counter(screen.Person), n, errors))!;
            }

            rows.Add([screen.Title, Kb(measured.HeapPerCircuit), $"≤ {screen.GoalKb:N0} KB", Goal(measured.HeapPerCircuit / 1024, screen.GoalKb!.Value),
                $"Counter as {screen.Person}: {Kb(floor.HeapPerCircuit)}", Ratio(measured.HeapPerCircuit, floor.HeapPerCircuit),
                Kb(measured.FirstRenderBytes), Ms(measured.OpenCpuMs), Ms(floor.OpenCpuMs)]);
        }

        if (floors.TryGetValue(Screen.AgentCase.Person, out var shell) && await MeasureAsync(options, Screen.ShellFreeCounter(Screen.AgentCase.Person), n, errors) is { } bare)
        {
            rows.Add([Screen.ShellFreeCounter(Screen.AgentCase.Person).Title, Kb(bare.HeapPerCircuit), "", "", "", "", Kb(bare.FirstRenderBytes), Ms(bare.OpenCpuMs), ""]);
            report.Note($"The console's shell (MainLayout: MudBlazor providers, app bar, drawer and nav) costs {Kb(shell.HeapPerCircuit - bare.HeapPerCircuit)} of the " +
                $"Counter floor's {Kb(shell.HeapPerCircuit)} per circuit; the Counter alone, with the circuit and its connection, {Kb(bare.HeapPerCircuit)}.");
        }

        report.Conditions = $"{n:N0} circuits of each screen open at once, one screen per fresh console process, " +
            "heap read after GC.Collect(2, forced, blocking, compacting) before opening and with all open; console and harness on the same machine";
        report.Table($"Heap per circuit at {n:N0} circuits", ["screen", "heap per circuit", "goal", "goal met", "floor", "ratio to floor", "first render sent",
            "console CPU per open", "floor's CPU per open"], rows);
        report.Note("Console CPU per open: the console's process CPU while the circuits opened (4 at a time, after a warm-up of 5) divided by their " +
            "number; one open is a prerendered GET, negotiate, a WebSocket, the circuit's start and its first render: what each agent's reload costs after a restart.");
        return await report.WriteAsync(errors);
    }

    private static async Task<Measured?> MeasureAsync(Options options, Screen screen, int n, Wire.LoadErrors errors)
    {
        await using var run = await LoadRun.StartAsync(options.Server(), "footprint", errors);
        if (!await run.ExistsAsync(screen))
        {
            return null;
        }

        await run.WarmUpAsync(screen);

        var before = await run.SnapshotAsync(fullGc: true);
        var (circuits, openCpu) = await run.OpenSettledAsync(screen, n);
        var active = await run.WaitForCircuitsAsync(n, TimeSpan.FromSeconds(30));
        if (active != n)
        {
            run.Errors.Add("circuit-count", $"{screen.Title}: the server counts {active} circuits, the harness opened {n}");
        }

        var after = await run.SnapshotAsync(fullGc: true);
        var measured = new Measured((after.HeapBytes - before.HeapBytes) / (double)n, circuits.Average(c => (double)c.BatchBytes), openCpu.TotalMilliseconds / n);
        Console.WriteLine($"   {screen.Title}: heap {Mb(before.HeapBytes)} → {Mb(after.HeapBytes)}, {Kb(measured.HeapPerCircuit)} per circuit, console CPU {Ms(measured.OpenCpuMs)} per open");
        if (options.Int("hold", 0) is > 0 and var hold)
        {
            // For a heap dump of the console with every circuit open (dotnet-gcdump collect -p <pid>).
            Console.WriteLine($"   holding {hold} s with {n:N0} circuits open");
            await Task.Delay(TimeSpan.FromSeconds(hold));
        }

        await run.CloseAsync(circuits);
        // The same opens on a console that has served them before: what an open costs once the JIT has finished with
        // it, against the young process's figure above (which is what a restart's storm pays).
        for (var round = 2; round <= options.Int("rounds", 1); round++)
        {
            await Task.Delay(TimeSpan.FromSeconds(2));
            var (again, roundCpu) = await run.OpenSettledAsync(screen, n);
            Console.WriteLine($"   {screen.Title}: round {round}, console CPU {Ms(roundCpu.TotalMilliseconds / n)} per open");
            await run.CloseAsync(again);
        }

        return measured;
    }

    private sealed record Measured(double HeapPerCircuit, double FirstRenderBytes, double OpenCpuMs);
}
