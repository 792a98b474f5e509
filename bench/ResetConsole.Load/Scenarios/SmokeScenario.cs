using System.Diagnostics;
using ResetConsole.Load.Wire;

namespace ResetConsole.Load.Scenarios;

/// <summary>One circuit on each main screen: proves the wire protocol end to end and shows what each screen asks.</summary>
public static class SmokeScenario
{
    public static async Task<int> RunAsync(Options options)
    {
        await using var run = await LoadRun.StartAsync(options.Server(), "smoke");
        foreach (var screen in new[] { Screen.AgentCase, Screen.SupervisorQueue, Screen.Counter("dana"), Screen.ShellFreeCounter("dana"), Screen.BareTable, Screen.TickingQueue, Screen.SecurityDashboard })
        {
            if (!await run.ExistsAsync(screen))
            {
                Console.WriteLine($"-- {screen.Title} ({screen.Path}): not in the app yet (404), skipped");
                continue;
            }

            var clock = Stopwatch.StartNew();
            var circuit = (await run.OpenAsync(screen, 1))[0];
            var interactive = clock.Elapsed;
            await LoadRun.QuietAsync([circuit], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(20));
            Console.WriteLine($"-- {screen.Title} {circuit.Path}: interactive in {interactive.TotalMilliseconds:F0} ms, " +
                $"{circuit.Batches} batches, {circuit.BatchBytes:N0} bytes, renderer interop object {circuit.RendererInteropId}");
            if (screen.Path.StartsWith("/bench/counter", StringComparison.Ordinal))
            {
                var (_, handler) = await circuit.WaitForAsync("onclick", e => e.Text.Contains("Click me", StringComparison.Ordinal));
                var (sent, rendered) = await circuit.ClickAsync(handler);
                Console.WriteLine($"   click → render batch in {Stopwatch.GetElapsedTime(sent, rendered).TotalMilliseconds:F2} ms");
            }

            await run.CloseAsync([circuit]);
        }

        using (var http = new HttpClient { BaseAddress = run.Server.Origin })
        {
            Console.WriteLine("Server diagnostics: " + await http.GetStringAsync("/bench/diagnostics/"));
        }

        Console.WriteLine("JS calls answered: " + string.Join(", ", JsInterop.Calls.OrderBy(c => c.Key).Select(c => $"{c.Key} ×{c.Value}")));
        Console.WriteLine(run.Errors.Summary());
        return run.Errors.Count == 0 ? 0 : 1;
    }
}
