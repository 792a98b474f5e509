using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Audit;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

public sealed class AuditChainTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;

    private AuditVerifier Verifier => _harness.Get<AuditVerifier>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Verify_EmptyChain_IsIntactWithNoEntries()
    {
        var result = await Verifier.VerifyAsync();

        Assert.True(result.IsClean);
        Assert.Equal("intact, 0 entries, no checkpoint yet", result.Summary);
    }

    [Fact]
    public async Task Verify_AppendedEntries_IsIntactWithTheirCount()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 25);

        var result = await Verifier.VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.Equal("intact, 25 entries, no checkpoint yet", result.Summary);
    }

    [Fact]
    public async Task Verify_EntriesWithAndWithoutOptionalFields_IsIntact()
    {
        // Appends serialize entries from .NET strings; verification reads raw column bytes. Both must give the same bytes.
        var vendor = new StaffActor("https://idp.test/", "vik", "Vik Rāman – Acme", "vik", new HashSet<string> { Roles.Agent }, true, "Acme");
        var audit = _harness.Get<IAuditLog>();
        await audit.AppendAloneAsync(new AuditRecord(null, "system.started", AuditRecord.Succeeded));
        await audit.AppendAloneAsync(new AuditRecord(vendor, "case.open", AuditRecord.Refused, SubjectId: "u-0042",
            Details: new Dictionary<string, string?> { ["reason"] = "vendor agents may not open privileged cases — 特権", ["note"] = null }));
        await audit.AppendAloneAsync(new AuditRecord(_dana, "case.opened", AuditRecord.Succeeded, Guid.NewGuid(), "u-0042", new Dictionary<string, string?>()));

        var result = await Verifier.VerifyAsync();

        Assert.Equal("intact, 3 entries, no checkpoint yet", result.Summary);
    }

    [Fact]
    public async Task Append_SeveralInOneUnitOfWork_ChainsThemInOrder()
    {
        await using (var db = await _harness.DbAsync())
        {
            var audit = _harness.Get<IAuditLog>();
            using var _ = await _harness.Get<WriteGate>().EnterAsync();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await audit.AppendAsync(db, new AuditRecord(_dana, "test.first", AuditRecord.Succeeded));
            await audit.AppendAsync(db, new AuditRecord(_dana, "test.second", AuditRecord.Succeeded));
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        var result = await Verifier.VerifyAsync();

        Assert.Equal("intact, 2 entries, no checkpoint yet", result.Summary);
    }

    [Fact]
    public async Task Append_ClockWithSubMillisecondTicks_StoresATimeThatRoundTripsAndVerifies()
    {
        _harness.Time.SetUtcNow(new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).AddTicks(1_234_567));

        await _harness.Get<IAuditLog>().AppendAloneAsync(new AuditRecord(_dana, "test.precise", AuditRecord.Succeeded));

        await using var db = await _harness.DbAsync();
        var stored = await db.AuditEntries.AsNoTracking().SingleAsync();
        Assert.Equal(AuditTime.Normalize(_harness.Time.GetUtcNow()), stored.At);
        Assert.Equal(TimeSpan.Zero, stored.At.Offset);
        Assert.True((await Verifier.VerifyAsync()).IsIntact);
    }

    [Fact]
    public async Task Append_Hash_IsAKeyedHashNotAPlainSha256()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 1);

        await using var db = await _harness.DbAsync();
        var entry = await db.AuditEntries.AsNoTracking().SingleAsync();
        using var sealer = _harness.Get<AuditKeyring>().CreateSealer();
        Assert.Matches("^[0-9a-f]{64}$", entry.Hash);
        Assert.NotEqual(sealer.PlainSha256(entry), entry.Hash);
        Assert.Equal(sealer.Seal(entry), entry.Hash);
    }

    [Fact]
    public async Task Initialize_AppliesTheAppendOnlyMigrationAndItsTriggers()
    {
        await using var db = await _harness.DbAsync();

        var applied = await db.Database.GetAppliedMigrationsAsync();
        var triggers = await db.Database.SqlQueryRaw<string>("SELECT name AS Value FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'AuditEntries'").ToListAsync();

        Assert.Contains("20261126100000_AuditAppendOnly", applied);
        Assert.Equal(["audit_entries_no_delete", "audit_entries_no_update"], triggers.Order());
    }

    [Fact]
    public async Task SaveChanges_EntryModifiedThroughEf_IsRefusedByTheDatabase()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 2);
        await using var db = await _harness.DbAsync();
        var entry = await db.AuditEntries.FirstAsync();
        entry.Outcome = AuditRecord.Refused;

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("audit entries are append-only", error.InnerException?.Message);
    }

    [Fact]
    public async Task SaveChanges_EntryRemovedThroughEf_IsRefusedByTheDatabase()
    {
        await AuditTrail.AppendAsync(_harness, _dana, 2);
        await using var db = await _harness.DbAsync();
        db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());

        var error = await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());

        Assert.Contains("audit entries are append-only", error.InnerException?.Message);
    }

    [Theory]
    [InlineData("UPDATE AuditEntries SET Action = 'case.nothing-to-see' WHERE Sequence = 1")]
    [InlineData("DELETE FROM AuditEntries WHERE Sequence = 2")]
    [InlineData("DELETE FROM AuditEntries")]
    public async Task RawSql_UpdateOrDelete_IsRefusedByTheDatabase(string sql)
    {
        await AuditTrail.AppendAsync(_harness, _dana, 2);
        var table = new AuditTable(_harness.Get<AuditFiles>().DatabasePath);

        var error = await Assert.ThrowsAsync<SqliteException>(() => table.ExecuteAsync(sql));

        Assert.Contains("audit entries are append-only", error.Message);
        Assert.Equal("intact, 2 entries, no checkpoint yet", (await Verifier.VerifyAsync()).Summary);
    }
}
