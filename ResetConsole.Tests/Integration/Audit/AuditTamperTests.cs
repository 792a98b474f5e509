using System.Security.Cryptography;
using ResetConsole.Auth;
using ResetConsole.Features.Audit;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

/// <summary>
/// Someone with the database file drops the append-only triggers and rewrites history; the chain and the checkpoints
/// must name the first bad entry and what was done to it. Run twice: as the app verifies a short chain (one pass),
/// and split into four ranges verified in parallel, as it verifies a long one (tampering at and across the joins).
/// </summary>
public abstract class AuditTamperSuite : IAsyncLifetime
{
    private const int Head = 12;

    private readonly TempFolder _copies = new();
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private AuditTable _table = default!;

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        await AuditTrail.AppendAsync(_harness, _dana, Head);
        Assert.Equal($"intact, {Head} entries, no checkpoint yet", (await VerifyAsync()).Summary);
        _table = new AuditTable(_harness.Get<AuditFiles>().DatabasePath);
        await _table.DropTriggersAsync();
    }

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        _copies.Dispose();
    }

    [Fact]
    public async Task Verify_FieldEdited_ReportsEditedAtThatEntry()
    {
        await _table.ExecuteAsync("UPDATE AuditEntries SET Outcome = 'succeeded', ActorId = 'someone-else' WHERE Sequence = 5");

        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Edited, 5);
        Assert.Contains("entry #5 was edited", result.Summary);
    }

    [Fact]
    public async Task Verify_FirstEntryOfARangeEdited_ReportsEditedAtThatEntry()
    {
        await _table.ExecuteAsync("UPDATE AuditEntries SET ActorRoles = 'Agent,SecurityLead' WHERE Sequence = 4");

        AssertBroken(await VerifyAsync(), AuditBreak.Edited, 4);
    }

    [Fact]
    public async Task Verify_LastEntryEdited_ReportsEditedAtTheHead()
    {
        await _table.ExecuteAsync("UPDATE AuditEntries SET DetailsJson = '{}' WHERE Sequence = $s", ("$s", Head));

        AssertBroken(await VerifyAsync(), AuditBreak.Edited, Head);
    }

    [Fact]
    public async Task Verify_RowDeleted_ReportsMissingAtThatSequence()
    {
        await _table.ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = 7");

        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Missing, 7);
        Assert.Contains("the chain goes from #6 to #8", result.Summary);
    }

    [Fact]
    public async Task Verify_FirstRowsDeleted_ReportsMissingFromOne()
    {
        await _table.ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence <= 3");

        AssertBroken(await VerifyAsync(), AuditBreak.Missing, 1);
    }

    [Fact]
    public async Task Verify_RowDeletedAndLaterOnesRenumbered_ReportsMissing()
    {
        await _table.ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence = 4");
        await _table.ExecuteAsync("UPDATE AuditEntries SET Sequence = -Sequence WHERE Sequence > 4");
        await _table.ExecuteAsync("UPDATE AuditEntries SET Sequence = -Sequence - 1 WHERE Sequence < 0");

        AssertBroken(await VerifyAsync(), AuditBreak.Missing, 4);
    }

    [Fact]
    public async Task Verify_TwoRowsContentsSwapped_ReportsReorderedAtTheFirst()
    {
        var fifth = await _table.ReadAsync(5);
        var ninth = await _table.ReadAsync(9);
        await _table.PutAsync(5, ninth);
        await _table.PutAsync(9, fifth);

        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Reordered, 5);
        Assert.Contains("entry #5 holds the entry sealed as #9", result.Summary);
    }

    [Fact]
    public async Task Verify_AdjacentRowsSwapped_ReportsReordered()
    {
        var third = await _table.ReadAsync(3);
        var fourth = await _table.ReadAsync(4);
        await _table.PutAsync(3, fourth);
        await _table.PutAsync(4, third);

        AssertBroken(await VerifyAsync(), AuditBreak.Reordered, 3);
    }

    [Fact]
    public async Task Verify_RowsSwappedAcrossAJoin_ReportsReordered()
    {
        var sixth = await _table.ReadAsync(6);
        var seventh = await _table.ReadAsync(7);
        await _table.PutAsync(6, seventh);
        await _table.PutAsync(7, sixth);

        AssertBroken(await VerifyAsync(), AuditBreak.Reordered, 6);
    }

    [Fact]
    public async Task Verify_ForgedRowWithPlainSha256_ReportsForged()
    {
        var head = await _table.ReadAsync(Head);
        var forged = await _table.ReadAsync(Head);
        forged.Sequence = Head + 1;
        forged.Action = "case.approved";
        forged.PreviousHash = head.Hash;
        forged.Hash = Convert.ToHexStringLower(SHA256.HashData(AuditCanonicalForm.ToBytes(forged)));
        await _table.PutAsync(Head + 1, forged);

        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Forged, Head + 1);
        Assert.Contains("plain SHA-256", result.Summary);
    }

    [Fact]
    public async Task Verify_EditedAndChainRehashedWithoutTheKey_ReportsForgedAtTheEdit()
    {
        var previous = (await _table.ReadAsync(5)).Hash;
        for (var sequence = 6L; sequence <= Head; sequence++)
        {
            var entry = await _table.ReadAsync(sequence);
            if (sequence == 6)
            {
                entry.Outcome = AuditRecord.Succeeded;
            }

            entry.PreviousHash = previous;
            entry.Hash = Convert.ToHexStringLower(SHA256.HashData(AuditCanonicalForm.ToBytes(entry)));
            await _table.PutAsync(sequence, entry);
            previous = entry.Hash;
        }

        AssertBroken(await VerifyAsync(), AuditBreak.Forged, 6);
    }

    [Fact]
    public async Task Verify_RowInsertedBeforeTheChain_ReportsForged()
    {
        var first = await _table.ReadAsync(1);
        await _table.PutAsync(0, first);

        AssertBroken(await VerifyAsync(), AuditBreak.Forged, 0);
    }

    [Fact]
    public async Task Verify_BitFlippedInAHash_ReportsEditedAtThatEntry()
    {
        var entry = await _table.ReadAsync(6);
        var bytes = Convert.FromHexString(entry.Hash);
        bytes[3] ^= 0x01;
        await _table.ExecuteAsync("UPDATE AuditEntries SET Hash = $h WHERE Sequence = 6", ("$h", Convert.ToHexStringLower(bytes)));

        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Edited, 6);
        Assert.Contains("the stored hash of entry #6 was altered", result.Summary);
    }

    [Fact]
    public async Task Verify_BitFlippedInAPreviousHash_ReportsEditedAtThatEntry()
    {
        var entry = await _table.ReadAsync(10);
        var bytes = Convert.FromHexString(entry.PreviousHash);
        bytes[0] ^= 0x80;
        await _table.ExecuteAsync("UPDATE AuditEntries SET PreviousHash = $h WHERE Sequence = 10", ("$h", Convert.ToHexStringLower(bytes)));

        AssertBroken(await VerifyAsync(), AuditBreak.Edited, 10);
    }

    [Fact]
    public async Task Verify_TailTruncatedAfterACheckpoint_ReportsTruncated()
    {
        await _harness.Get<AuditCheckpointer>().WriteAsync();
        await _table.ExecuteAsync("DELETE FROM AuditEntries WHERE Sequence > 9");

        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Truncated, 10);
        Assert.Contains($"the chain ends at #9 but checkpoint #{Head}", result.Summary);
    }

    [Fact]
    public async Task Verify_OlderCopyOfTheDatabaseRestored_ReportsTruncated()
    {
        var backup = _copies.File("backup.db");
        await _table.BackupToAsync(backup);
        await AuditTrail.AppendAsync(_harness, _dana, 5);
        await _harness.Get<AuditCheckpointer>().WriteAsync();

        _table.RestoreFrom(backup);
        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Truncated, Head + 1);
    }

    [Fact]
    public async Task Verify_OlderCopyRestoredThenWrittenPastTheCheckpoint_ReportsTruncatedAtTheCheckpoint()
    {
        var backup = _copies.File("backup.db");
        await _table.BackupToAsync(backup);
        await AuditTrail.AppendAsync(_harness, _dana, 5);
        await _harness.Get<AuditCheckpointer>().WriteAsync();

        _table.RestoreFrom(backup);
        await AuditTrail.AppendAsync(_harness, _dana, 8, "test.after-restore");
        var result = await VerifyAsync();

        AssertBroken(result, AuditBreak.Truncated, Head + 5);
        Assert.Contains("rolled back", result.Summary);
    }

    [Fact]
    public async Task Verify_CheckpointLineTampered_ReportsItAndDoesNotTrustIt()
    {
        await _harness.Get<AuditCheckpointer>().WriteAsync();
        var file = _harness.Get<AuditCheckpointFile>().Path;
        await File.WriteAllTextAsync(file, (await File.ReadAllTextAsync(file)).Replace($"\"sequence\":{Head},", $"\"sequence\":{Head + 50},"));

        var result = await VerifyAsync();

        Assert.True(result.IsIntact, result.Summary);
        Assert.False(result.IsClean);
        Assert.Equal($"intact, {Head} entries, no checkpoint yet", result.Summary);
        Assert.Contains("line 1 of", Assert.Single(result.CheckpointProblems));
        Assert.Contains("bad signature", result.CheckpointProblems[0]);
    }

    [Fact]
    public async Task Verify_GarbageLineInTheCheckpointFile_IsReportedAndTheOthersStillCount()
    {
        await _harness.Get<AuditCheckpointer>().WriteAsync();
        await File.AppendAllTextAsync(_harness.Get<AuditCheckpointFile>().Path, "{\"sequence\": 99\n");

        var result = await VerifyAsync();

        Assert.StartsWith($"intact, {Head} entries, last checkpoint #{Head} at ", result.Summary);
        Assert.Contains("is not a checkpoint", Assert.Single(result.CheckpointProblems));
    }

    protected abstract AuditVerifier Verifier(ServiceHarness harness);

    private Task<AuditVerification> VerifyAsync() => Verifier(_harness).VerifyAsync();

    private static void AssertBroken(AuditVerification result, AuditBreak kind, long sequence)
    {
        Assert.False(result.IsIntact, result.Summary);
        Assert.Equal((kind, sequence), (result.Break!.Value, result.FirstBadSequence!.Value));
        Assert.StartsWith($"broken at #{sequence} ({kind.ToString().ToLowerInvariant()}): ", result.Summary);
    }
}

public sealed class AuditTamperTests : AuditTamperSuite
{
    protected override AuditVerifier Verifier(ServiceHarness harness) => harness.Get<AuditVerifier>();
}

/// <summary>Ranges of three entries: [..4), [4, 7), [7, 10), [10, ..].</summary>
public sealed class AuditTamperInRangesTests : AuditTamperSuite
{
    protected override AuditVerifier Verifier(ServiceHarness harness) =>
        new(harness.Get<AuditFiles>(), harness.Get<AuditKeyring>(), harness.Get<AuditCheckpointFile>()) { Parallelism = 4, RowsPerRange = 2 };
}
