using System.Diagnostics;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Infrastructure;

/// <summary>
/// Bench only, off unless <c>Bench:Diagnostics</c> is true: the server's own figures for the load harness
/// (bench/ResetConsole.Load). GET reads the Blazor meters, process CPU and heap; POST /heap first forces a full
/// compacting collection, so heap per circuit is live memory and not garbage.
/// </summary>
public static class BenchDiagnostics
{
    public const string Setting = "Bench:Diagnostics";

    public static bool IsOn(IConfiguration configuration) => configuration.GetValue<bool>(Setting);

    public static WebApplication MapBenchDiagnostics(this WebApplication app)
    {
        if (!IsOn(app.Configuration))
        {
            return app;
        }

        var meters = new BenchMeters();
        app.Lifetime.ApplicationStopped.Register(meters.Dispose);
        var hub = app.Services.GetRequiredService<ConsoleEventHub>();
        var group = app.MapGroup("/bench/diagnostics").AllowAnonymous();
        group.MapGet("/", () => TypedResults.Ok(Read(meters, hub)));
        group.MapPost("/heap", () =>
        {
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            GC.WaitForPendingFinalizers();
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
            return TypedResults.Ok(Read(meters, hub));
        });
        return app;
    }

    private static object Read(BenchMeters meters, ConsoleEventHub hub)
    {
        var cpu = Environment.CpuUsage;
        var gc = GC.GetGCMemoryInfo(GCKind.Any);
        return new
        {
            timestamp = Stopwatch.GetTimestamp(),
            timestampFrequency = Stopwatch.Frequency,
            cpuMicroseconds = cpu.TotalTime.TotalMicroseconds,
            processorCount = Environment.ProcessorCount,
            heapBytes = GC.GetTotalMemory(forceFullCollection: false),
            gcHeapSizeBytes = gc.HeapSizeBytes,
            gcFragmentedBytes = gc.FragmentedBytes,
            workingSetBytes = Environment.WorkingSet,
            gen0Collections = GC.CollectionCount(0),
            gen2Collections = GC.CollectionCount(2),
            gcPauseMicroseconds = GC.GetTotalPauseDuration().TotalMicroseconds,
            hubSubscribers = hub.SubscriberCount,
            meters = meters.Snapshot(),
        };
    }
}
