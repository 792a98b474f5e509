using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Approvals;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;
using ResetConsole.Tests.Unit.Domain.Cases;

namespace ResetConsole.Tests.Integration.Approvals;

// The approval queues' totals come from tallies the database keeps with triggers: they must always equal a count of
// the waiting cases, whoever changes them and however (tracked saves, bulk updates, deletes, the migration's fill).
public sealed class QueueTallyTests : IAsyncLifetime
{
    private const string MigrationBeforeTallies = "20261126195347_SubjectHistoryIndexes";

    private ServiceHarness _harness = default!;

    private IDbContextFactory<AppDbContext> Db => _harness.Get<IDbContextFactory<AppDbContext>>();

    public async Task InitializeAsync() => _harness = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Tallies_FollowInsertsChangesBulkUpdatesAndDeletes_AsACountWould()
    {
        await using (var db = await Db.CreateDbContextAsync())
        {
            db.RecoveryCases.AddRange(
                Waiting(), Waiting(), Waiting(),
                WaitingPrivileged(), WaitingPrivileged(),
                CaseScenarios.InState(CaseStatus.Verifying));
            await db.SaveChangesAsync();
        }

        Assert.Equal(new Dictionary<(ApprovalQueue, string), int> { [(ApprovalQueue.Supervisor, "elevated")] = 3, [(ApprovalQueue.Security, "privileged")] = 2 },
            await TalliesAsync());
        await AssertTalliesMatchCountAsync();

        await using (var db = await Db.CreateDbContextAsync())
        {
            var cases = await db.RecoveryCases.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id).ToListAsync();
            var supervisor = cases.Where(c => c.Status == CaseStatus.AwaitingApproval && c.ApprovalQueue == ApprovalQueue.Supervisor).ToList();
            // Every change to a case carries a new version (the database refuses one that does not).
            supervisor[0].Status = CaseStatus.Approved;
            supervisor[0].Version++;
            supervisor[1].ApprovalQueue = ApprovalQueue.Security;
            supervisor[1].TierId = "privileged";
            supervisor[1].Version++;
            supervisor[2].Version++;
            var verifying = cases.Single(c => c.Status == CaseStatus.Verifying);
            verifying.Status = CaseStatus.AwaitingApproval;
            verifying.Version++;
            await db.SaveChangesAsync();
        }

        Assert.Equal(new Dictionary<(ApprovalQueue, string), int> { [(ApprovalQueue.Supervisor, "elevated")] = 2, [(ApprovalQueue.Security, "privileged")] = 3 },
            await TalliesAsync());
        await AssertTalliesMatchCountAsync();

        await using (var db = await Db.CreateDbContextAsync())
        {
            await db.RecoveryCases.Where(c => c.ApprovalQueue == ApprovalQueue.Security).ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Abandoned).SetProperty(c => c.Version, c => c.Version + 1));
            await db.RecoveryCases.Where(c => c.ApprovalQueue == ApprovalQueue.Supervisor && c.Status == CaseStatus.AwaitingApproval).Take(1).ExecuteDeleteAsync();
        }

        Assert.Equal(new Dictionary<(ApprovalQueue, string), int> { [(ApprovalQueue.Supervisor, "elevated")] = 1 }, await TalliesAsync());
        await AssertTalliesMatchCountAsync();
    }

    [Fact]
    public async Task Tallies_ARolledBackChange_LeavesThemAsTheyWere()
    {
        await using (var db = await Db.CreateDbContextAsync())
        {
            db.RecoveryCases.Add(Waiting());
            await db.SaveChangesAsync();
        }

        await using (var db = await Db.CreateDbContextAsync())
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.RecoveryCases.Add(Waiting());
            var rejected = await db.RecoveryCases.FirstAsync();
            rejected.Status = CaseStatus.Rejected;
            rejected.Version++;
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.Equal(new Dictionary<(ApprovalQueue, string), int> { [(ApprovalQueue.Supervisor, "elevated")] = 1 }, await TalliesAsync());
    }

    [Fact]
    public async Task QueueTotalsAndNavCounts_AreTheTallies_PerQueueAndTier()
    {
        await using (var db = await Db.CreateDbContextAsync())
        {
            db.RecoveryCases.AddRange(Waiting(), Waiting(), WaitingPrivileged());
            await db.SaveChangesAsync();
        }

        var approvals = _harness.Get<ApprovalService>();
        var lee = await _harness.StaffAsync("lee", Roles.SecurityLead);

        Assert.Equal(2, (await approvals.QueueAsync(lee, ApprovalQueue.Supervisor, new QueueQuery())).TotalCount);
        Assert.Equal(2, (await approvals.QueueAsync(lee, ApprovalQueue.Supervisor, new QueueQuery(TierId: "elevated"))).TotalCount);
        Assert.Equal(0, (await approvals.QueueAsync(lee, ApprovalQueue.Supervisor, new QueueQuery(TierId: "standard"))).TotalCount);
        Assert.Equal(1, (await approvals.QueueAsync(lee, ApprovalQueue.Security, new QueueQuery())).TotalCount);
        Assert.Equal(new QueueCounts(2, 1), await approvals.CountsAsync(lee));
    }

    [Fact]
    public async Task Migration_CountsTheCasesAlreadyWaiting_AndKeepsCountingAfter()
    {
        using var folder = new TempFolder();
        var options = new DbContextOptionsBuilder<AppDbContext>().UseSqlite($"Data Source={folder.File("before.db")};Pooling=False").Options;
        await using (var db = new AppDbContext(options))
        {
            await db.GetService<IMigrator>().MigrateAsync(MigrationBeforeTallies);
            db.RecoveryCases.AddRange(Waiting(), Waiting(), WaitingPrivileged(), CaseScenarios.InState(CaseStatus.Verifying));
            await db.SaveChangesAsync();
            await db.Database.MigrateAsync();
        }

        await using (var db = new AppDbContext(options))
        {
            Assert.Equal(new Dictionary<(ApprovalQueue, string), int> { [(ApprovalQueue.Supervisor, "elevated")] = 2, [(ApprovalQueue.Security, "privileged")] = 1 },
                await TalliesAsync(db));
            db.RecoveryCases.Add(Waiting());
            await db.SaveChangesAsync();
            Assert.Equal(3, (await TalliesAsync(db))[(ApprovalQueue.Supervisor, "elevated")]);
        }
    }

    private static RecoveryCase Waiting() => CaseScenarios.InState(CaseStatus.AwaitingApproval);

    private static RecoveryCase WaitingPrivileged()
    {
        var recoveryCase = CaseScenarios.OpenPrivileged().PassAll(CaseScenarios.Now);
        recoveryCase.SubmitForApproval(CaseScenarios.Now);
        return recoveryCase;
    }

    private async Task<Dictionary<(ApprovalQueue, string), int>> TalliesAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        return await TalliesAsync(db);
    }

    private static async Task<Dictionary<(ApprovalQueue, string), int>> TalliesAsync(AppDbContext db) =>
        (await db.QueueTallies.AsNoTracking().Where(t => t.Waiting != 0).ToListAsync()).ToDictionary(t => (t.Queue, t.TierId), t => t.Waiting);

    private async Task AssertTalliesMatchCountAsync()
    {
        await using var db = await Db.CreateDbContextAsync();
        var counted = (await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Status == CaseStatus.AwaitingApproval)
                .Select(c => new { c.ApprovalQueue, c.TierId }).ToListAsync())
            .GroupBy(c => (c.ApprovalQueue, c.TierId)).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(counted, await TalliesAsync(db));
    }
}
