using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

// The case writer's commits leave the log's checkpoint to WalCheckpoints: its connection does not checkpoint while it
// holds the gate, gets SQLite's automatic checkpoint back before it returns to the pool, and every 64 committed changes
// a passive checkpoint copies the log into the database file on another connection.
public sealed class WalCheckpointTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private Guid _caseId;

    private CaseWriter Writer => _harness.Get<CaseWriter>();

    private WalCheckpoints Checkpoints => _harness.Get<WalCheckpoints>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        var subjectId = await _harness.SubjectIdAsync(DemoAccounts.StandardEmployee);
        _caseId = await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task TheWritersConnection_DoesNotCheckpointInItsCommit_AndGetsTheAutomaticCheckpointBack()
    {
        var during = await Writer.ChangeAsync(_dana, _caseId, [Roles.Agent], "test.touch", async context =>
            (await AutoCheckpointAsync(context.Db.Database.GetDbConnection()), Touched(context)));

        Assert.Equal(0, during);
        // Connections from the pool afterwards, the writer's among them, checkpoint as SQLite does by default.
        for (var i = 0; i < 5; i++)
        {
            await using var db = await _harness.DbAsync();
            await db.Database.OpenConnectionAsync();
            Assert.Equal(1000, await AutoCheckpointAsync(db.Database.GetDbConnection()));
            await db.Database.CloseConnectionAsync();
        }
    }

    [Fact]
    public async Task EverySixtyFourChanges_APassiveCheckpointCopiesTheLogIntoTheDatabaseFile()
    {
        for (var i = 1; i < WalCheckpoints.ChangesPerCheckpoint; i++)
        {
            await TouchAsync();
        }

        Assert.Equal(0, Checkpoints.Runs);

        await TouchAsync();
        await Checkpoints.Last;

        Assert.Equal(1, Checkpoints.Runs);
        var (frames, checkpointed) = Assert.NotNull(Checkpoints.LastResult);
        Assert.True(frames > 0, "the log had the changes' pages");
        Assert.Equal(frames, checkpointed);
        await using var db = await _harness.DbAsync();
        Assert.Equal(WalCheckpoints.ChangesPerCheckpoint, await db.AuditEntries.CountAsync(e => e.Action == "test.touched"));
    }

    private Task TouchAsync() =>
        Writer.ChangeAsync(_dana, _caseId, [Roles.Agent], "test.touch", context => Task.FromResult(Touched(context)));

    private static CaseChange Touched(CaseContext context) =>
        new(new AuditRecord(context.Actor, "test.touched", AuditRecord.Succeeded, context.Case.Id, context.Case.SubjectId, null));

    private static async Task<int> AutoCheckpointAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA wal_autocheckpoint";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
