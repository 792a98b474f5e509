using System.Diagnostics;
using System.Security.Claims;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Microsoft.JSInterop;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;
using ResetConsole.Auth;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Bench;

/// <summary>
/// A decision's fan-out to many open supervisor-queue screens, in process: the real queue component, each screen in
/// its own renderer and DI scope like a circuit (diffs computed, nothing serialized or sent), the real services and
/// database, 100,000 cases. Measures commit-to-render latency per screen and process CPU per screen update.
/// Run: dotnet run -c Release --project bench/ResetConsole.Bench -- fanout [screens] [decisions]
/// </summary>
public static class FanOutMeasurement
{
    public static async Task<int> RunAsync(int screens, int decisions, bool bare = false)
    {
        await using var host = await BenchHost.StartAsync();
        await CaseSeeder.SeedAsync(host, total: 100_000, awaitingSupervisor: 8_000, awaitingSecurity: 2_000);
        var sam = await host.StaffAsync("sam", Roles.Supervisor);
        await using var ui = BuildUiServices(host, sam);

        var views = new List<(HeadlessRenderer Renderer, AsyncServiceScope Scope)>();
        for (var i = 0; i < screens; i++)
        {
            var scope = ui.CreateAsyncScope();
            var renderer = new HeadlessRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
            await (bare ? renderer.AddAsync<BareQueueTable>(ParameterView.Empty) : renderer.AddAsync<ScreenRoot>(ParameterView.Empty));
            views.Add((renderer, scope));
        }

        var approvals = host.Get<ApprovalService>();
        var latencies = new List<double>();
        var cpuPerUpdate = new List<double>();
        const int warmUp = 3;
        for (var round = 0; round < decisions + warmUp; round++)
        {
            var first = (await approvals.QueueAsync(sam, ApprovalQueue.Supervisor, new QueueQuery())).Items[0];
            var arrived = new TaskCompletionSource();
            var pending = screens;
            var stopwatch = new Stopwatch();
            var times = new double[screens];
            var handlers = new List<Action>();
            for (var i = 0; i < screens; i++)
            {
                var index = i;
                void Handler()
                {
                    if (times[index] == 0 && stopwatch.IsRunning)
                    {
                        times[index] = stopwatch.Elapsed.TotalMilliseconds;
                        if (Interlocked.Decrement(ref pending) == 0)
                        {
                            arrived.TrySetResult();
                        }
                    }
                }

                views[i].Renderer.Rendered += Handler;
                handlers.Add(Handler);
            }

            var review = await approvals.ReviewAsync(sam, first.CaseId);
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            stopwatch.Start();
            await approvals.DecideAsync(sam, first.CaseId, approve: true, "fan-out measurement", review.Hash);
            if (await Task.WhenAny(arrived.Task, Task.Delay(TimeSpan.FromSeconds(30))) != arrived.Task)
            {
                Console.Error.WriteLine($"Round {round}: only {screens - pending} of {screens} screens rendered within 30 s.");
                return 1;
            }

            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
            for (var i = 0; i < screens; i++)
            {
                views[i].Renderer.Rendered -= handlers[i];
            }

            if (round >= warmUp)
            {
                latencies.AddRange(times);
                cpuPerUpdate.Add(cpu.TotalMicroseconds / screens);
            }
        }

        foreach (var (renderer, scope) in views)
        {
            await renderer.DisposeAsync();
            await scope.DisposeAsync();
        }

        latencies.Sort();
        Console.WriteLine($"{(bare ? "bare table floor" : "queue screen")}: screens={screens} decisions={decisions} (after {warmUp} warm-up decisions)");
        Console.WriteLine($"commit-to-render p50={Percentile(latencies, 0.50):F1} ms p95={Percentile(latencies, 0.95):F1} ms p99={Percentile(latencies, 0.99):F1} ms max={latencies[^1]:F1} ms");
        Console.WriteLine($"process CPU per screen update: mean={cpuPerUpdate.Average():F0} µs max={cpuPerUpdate.Max():F0} µs (includes the decision's own transaction, the shared queue read and every screen's diff)");
        return 0;
    }

    private static double Percentile(List<double> sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    private static ServiceProvider BuildUiServices(BenchHost host, StaffActor sam) =>
        BenchUi.Build(host, sam, Roles.Supervisor, services =>
        {
            services.AddSingleton(host.Get<ApprovalService>());
            services.AddSingleton(host.Get<IPolicyCatalog>());
        });
}
