using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResetConsole.Auth;
using ResetConsole.Features.Cases;

namespace ResetConsole.Bench;

/// <summary>
/// What every agent's case page does as it opens (and again for each of 2,000 agents after a restart: the reconnect
/// storm): <see cref="CaseService.RefreshAsync"/> reads the case, its challenges, protection, the subject from the
/// directory, the exceptions panel and the subject's history, re-evaluates the policy and returns the page's read.
/// 100,000 cases (about 300 per subject), 20 open cases of the agent's opened through the service, taken in turn.
/// Setup prints how many statements one open runs.
/// Run: dotnet run -c Release --project bench/ResetConsole.Bench -- --filter *CaseOpen*
/// </summary>
[MemoryDiagnoser]
[Config(typeof(PercentileConfig))]
public class CaseOpenBenchmarks
{
    private BenchHost _host = null!;
    private CaseService _cases = null!;
    private StaffActor _agent = null!;
    private List<Guid> _ids = null!;
    private int _next;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Listening from the start: EF Core stops checking for listeners for a moment when it finds none.
        var statements = new StatementCounter();
        using var listening = DiagnosticListener.AllListeners.Subscribe(statements);
        _host = await BenchHost.StartAsync();
        await CaseSeeder.SeedAsync(_host, total: 100_000, awaitingSupervisor: 8_000, awaitingSecurity: 2_000);
        _ids = await CaseSeeder.OpenAgentCasesAsync(_host, "dana", count: 20);
        _agent = await _host.StaffAsync("dana", Roles.Agent);
        _cases = _host.Get<CaseService>();
        await _cases.RefreshAsync(_agent, _ids[0]);
        var before = statements.Count;
        await _cases.RefreshAsync(_agent, _ids[1]);
        Console.WriteLine($"// statements per case open: {statements.Count - before}");
        statements.Dispose();
    }

    [GlobalCleanup]
    public async Task CleanupAsync() => await _host.DisposeAsync();

    [Benchmark]
    public Task<CaseDetails> OpenCase() => _cases.RefreshAsync(_agent, _ids[_next++ % _ids.Count]);

    /// <summary>Counts EF Core's "command executed" events.</summary>
    private sealed class StatementCounter : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private static readonly string CommandExecuted = RelationalEventId.CommandExecuted.Name!;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public int Count => _count;

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                _subscriptions.Add(listener.Subscribe(this));
            }
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == CommandExecuted)
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void Dispose() => _subscriptions.ForEach(s => s.Dispose());

        public void OnCompleted() { }

        public void OnError(Exception error) { }
    }
}
