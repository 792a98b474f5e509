using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using ResetConsole.Load.Server;
using ResetConsole.Load.Wire;

namespace ResetConsole.Load;

/// <summary>One server started for one scenario on a fresh copy of the seeded data, with its people signed in.</summary>
public sealed class LoadRun : IAsyncDisposable
{
    private readonly ConcurrentDictionary<string, Task<StaffSession>> _sessions = new(StringComparer.Ordinal);
    private readonly HttpClient _diagnostics;
    private readonly IReadOnlyList<string> _agentCases;
    private int _nextCase;

    private LoadRun(ServerOptions options, ServerProcess server, LoadErrors errors)
    {
        Errors = errors;
        Options = options;
        Server = server;
        _diagnostics = new HttpClient { BaseAddress = server.Origin, Timeout = TimeSpan.FromMinutes(2) };
        _agentCases = BenchDatabase.AgentCases(options);
        server.ServerErrors = line => Errors.Add("server-log-error", line);
    }

    public ServerOptions Options { get; }

    public ServerProcess Server { get; }

    public LoadErrors Errors { get; }

    /// <summary>Circuits to open at once while ramping (each is a page GET, a negotiate, a WebSocket and a first render).</summary>
    public int RampParallelism { get; init; } = 4;

    public static async Task<LoadRun> StartAsync(ServerOptions options, string scenario, LoadErrors? errors = null)
    {
        var database = await BenchDatabase.CopyForRunAsync(options, scenario);
        Console.WriteLine($"== {scenario}: starting the console ({(options.IsPublished ? "published" : "built")}, {options.Environment}) on {database}");
        var server = await ServerProcess.StartAsync(options, database);
        Console.WriteLine($"   listening at {server.Origin} (pid {server.ProcessId})");
        return new LoadRun(options, server, errors ?? new LoadErrors());
    }

    public Task<StaffSession> SessionAsync(string person) =>
        _sessions.GetOrAdd(person, p => StaffSession.SignInAsync(Server.Origin, p));

    /// <summary>Sessions are tied to a server's data protection keys; after a restart on the same data they still hold.</summary>
    public void ForgetSessions() => _sessions.Clear();

    public Task<ServerSnapshot> SnapshotAsync(bool fullGc = false) => ServerSnapshot.ReadAsync(_diagnostics, fullGc);

    /// <summary>Whether the app has this screen (a screen still to be built answers 404).</summary>
    public async Task<bool> ExistsAsync(Screen screen)
    {
        var session = await SessionAsync(screen.Person);
        using var response = await session.Http.GetAsync(PathFor(screen));
        return response.StatusCode != HttpStatusCode.NotFound;
    }

    public string PathFor(Screen screen) => screen.Path.Replace(Screen.CasePlaceholder,
        _agentCases[Interlocked.Increment(ref _nextCase) % _agentCases.Count], StringComparison.Ordinal);

    /// <summary>Opens circuits on a ramp, a few at a time; fails on the first circuit that cannot open.</summary>
    public async Task<List<Circuit>> OpenAsync(Screen screen, int count, Action<Circuit>? configure = null)
    {
        var session = await SessionAsync(screen.Person);
        var circuits = new ConcurrentBag<Circuit>();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = RampParallelism }, async (_, ct) =>
        {
            var circuit = new Circuit(session, PathFor(screen), Errors);
            configure?.Invoke(circuit);
            circuits.Add(circuit);
            try
            {
                await circuit.OpenAsync(ct);
            }
            catch (Exception ex)
            {
                Errors.Add("open-failed", $"{circuit.Path}: {ex.GetType().Name}: {ex.Message}");
                throw;
            }
        });
        Console.WriteLine($"   opened {count} × {screen.Title} in {clock.Elapsed.TotalSeconds:F1} s");
        return [.. circuits];
    }

    /// <summary>
    /// Opens circuits as <see cref="OpenAsync"/> does, waits until their first renders are done, and returns them with
    /// the console's CPU over that time: what those opens cost it.
    /// </summary>
    public async Task<(List<Circuit> Circuits, TimeSpan ConsoleCpu)> OpenSettledAsync(Screen screen, int count, Action<Circuit>? configure = null)
    {
        var before = Server.Cpu;
        var circuits = await OpenAsync(screen, count, configure);
        await QuietAsync(circuits, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120));
        return (circuits, Server.Cpu - before);
    }

    /// <summary>A few circuits of each screen opened and closed first, so JIT and first-use caches are not measured.</summary>
    public async Task WarmUpAsync(params Screen[] screens)
    {
        foreach (var screen in screens)
        {
            var warm = await OpenAsync(screen, 5);
            await QuietAsync(warm, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30));
            await CloseAsync(warm);
        }
    }

    /// <summary>Waits until no circuit has received a batch for a while: initial renders and lazy loads are done.</summary>
    public static async Task QuietAsync(IReadOnlyCollection<Circuit> circuits, TimeSpan quiet, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var last = circuits.Sum(c => (long)c.Batches);
        var stableSince = clock.Elapsed;
        while (clock.Elapsed < timeout)
        {
            await Task.Delay(250);
            var now = circuits.Sum(c => (long)c.Batches);
            if (now != last)
            {
                last = now;
                stableSince = clock.Elapsed;
            }
            else if (clock.Elapsed - stableSince >= quiet)
            {
                return;
            }
        }
    }

    public async Task CloseAsync(IEnumerable<Circuit> circuits)
    {
        await Parallel.ForEachAsync(circuits, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (c, _) => await c.DisposeAsync());
        await WaitForCircuitsAsync(0, TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits until the server's own circuit meter shows the expected number of open circuits.</summary>
    public async Task<long> WaitForCircuitsAsync(long expected, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        long active;
        do
        {
            active = (await SnapshotAsync()).ActiveCircuits;
            if (active == expected)
            {
                return active;
            }

            await Task.Delay(250);
        }
        while (clock.Elapsed < timeout);
        return active;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var session in _sessions.Values.Where(s => s.IsCompletedSuccessfully))
        {
            session.Result.Dispose();
        }

        _diagnostics.Dispose();
        await Server.DisposeAsync();
    }
}
