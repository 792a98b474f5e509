using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Cases;

// Every change to a case carries a new version, and the database refuses one that does not: optimistic concurrency
// and the approval queue's reuse of unchanged rows both rely on it, whatever code or SQL makes the change.
public sealed class CaseVersionTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private Guid _caseId;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _caseId = await _harness.OpenCaseAsync("dana", DemoAccounts.StandardEmployee);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task AChangeWithoutANewVersion_IsRefused_AndTheCaseIsAsItWas()
    {
        await using (var db = await _harness.DbAsync())
        {
            var recoveryCase = await db.RecoveryCases.SingleAsync(c => c.Id == _caseId);
            recoveryCase.SubjectDisplayName = "Someone Else";

            var refused = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
            Assert.Contains("a recovery case was changed without a new version", refused.InnerException!.Message, StringComparison.Ordinal);
        }

        await using (var db = await _harness.DbAsync())
        {
            await Assert.ThrowsAsync<SqliteException>(() => db.RecoveryCases.Where(c => c.Id == _caseId)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Status, CaseStatus.Abandoned)));
            var unchanged = await db.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == _caseId);
            Assert.Equal((CaseStatus.Verifying, 0), (unchanged.Status, unchanged.Version));
            Assert.NotEqual("Someone Else", unchanged.SubjectDisplayName);
        }
    }

    [Fact]
    public async Task AChangeThroughTheCase_GivesItANewVersion_AndIsSaved()
    {
        await using (var db = await _harness.DbAsync())
        {
            var recoveryCase = await db.RecoveryCases.SingleAsync(c => c.Id == _caseId);
            recoveryCase.Abandon("Caller hung up", _harness.Time.GetUtcNow());
            await db.SaveChangesAsync();
        }

        await using (var check = await _harness.DbAsync())
        {
            var saved = await check.RecoveryCases.AsNoTracking().SingleAsync(c => c.Id == _caseId);
            Assert.Equal((CaseStatus.Abandoned, 1), (saved.Status, saved.Version));
        }
    }
}
