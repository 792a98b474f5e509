using ResetConsole.Auth;
using ResetConsole.Features.Audit;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

/// <summary><c>dotnet ResetConsole.dll audit verify | checkpoint</c>, run as an operator runs it, on a real database file.</summary>
public sealed class AuditCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);

    private ServiceHarness _harness = default!;
    private string _folder = default!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        await AuditTrail.AppendAsync(_harness, await _harness.StaffAsync("dana", Roles.Agent), 6);
        _folder = _harness.Get<AuditFiles>().DataFolder;
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Verify_IntactChain_PrintsTheSummaryAndExitsZero()
    {
        var (exitCode, output) = await RunAsync("audit", "verify");

        Assert.Equal(AuditCommand.Intact, exitCode);
        Assert.Contains("intact, 6 entries, no checkpoint yet", output);
    }

    [Fact]
    public async Task Checkpoint_ThenVerify_ReportsTheCheckpoint()
    {
        var (checkpointExit, checkpointOutput) = await RunAsync("audit", "checkpoint");
        var (verifyExit, verifyOutput) = await RunAsync("audit", "verify");

        Assert.Equal(AuditCommand.Intact, checkpointExit);
        Assert.Contains("wrote checkpoint #6 at ", checkpointOutput);
        Assert.Equal(AuditCommand.Intact, verifyExit);
        Assert.Matches(@"intact, 6 entries, last checkpoint #6 at \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", verifyOutput);
    }

    [Fact]
    public async Task Verify_TamperedChain_NamesTheFirstBadEntryAndExitsTwo()
    {
        var table = new AuditTable(_harness.Get<AuditFiles>().DatabasePath);
        await table.DropTriggersAsync();
        await table.ExecuteAsync("UPDATE AuditEntries SET Outcome = 'succeeded' WHERE Sequence = 4");

        var (exitCode, output) = await RunAsync("audit", "verify");

        Assert.Equal(AuditCommand.Broken, exitCode);
        Assert.Contains("broken at #4 (edited): entry #4 was edited", output);
    }

    [Fact]
    public async Task Verify_NoDatabase_ExplainsAndExitsOne()
    {
        using var empty = new TempFolder();

        var (exitCode, output) = await RunInAsync(empty.Path, "audit", "verify");

        Assert.Equal(AuditCommand.Error, exitCode);
        Assert.Contains("audit verify failed: There is no database at", output);
        Assert.DoesNotContain("   at ", output);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] arguments) => RunInAsync(_folder, arguments);

    private static async Task<(int ExitCode, string Output)> RunInAsync(string folder, params string[] arguments)
    {
        await using var process = ConsoleProcess.StartCommand(folder, arguments);
        var exitCode = await process.WaitForExitAsync(Limit);
        return (exitCode, process.Output);
    }
}
