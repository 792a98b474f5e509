using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

// Journey 6's reading side: filters, server paging, exports and evidence packs, for auditors and security leads only.
public sealed class AuditReaderTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _ari = default!;
    private Guid _alexCase;
    private Guid _jamieCase;

    private AuditReader Reader => _harness.Get<AuditReader>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync();
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _ari = await _harness.StaffAsync("ari", Roles.Auditor);
        _alexCase = await OpenAsync(DemoAccounts.StandardEmployee, "INC-A1");
        _harness.Time.Advance(TimeSpan.FromHours(1));
        _jamieCase = await OpenAsync(DemoAccounts.Contractor, "INC-A2");
        await _harness.Get<CaseService>().FreezeAsync(_dana, _jamieCase, "caller, \"urgent\", knew nothing");
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Search_ByAccountUsername_FindsOnlyThatAccountsEntries()
    {
        var page = await Reader.SearchAsync(_ari, new AuditFilter(Account: DemoAccounts.Contractor), 0, 50);

        Assert.Equal(2, page.Total);
        Assert.All(page.Items, e => Assert.Equal(_jamieCase, e.CaseId));
        Assert.Equal(["case.frozen", "case.opened"], page.Items.Select(e => e.Action).ToArray()); // newest first
    }

    [Fact]
    public async Task Search_ByCaseReference_FindsThatCase()
    {
        var reference = $"RC-{_alexCase.ToString("N")[..8].ToUpperInvariant()}";

        var page = await Reader.SearchAsync(_ari, new AuditFilter(Case: reference.ToLowerInvariant()), 0, 50);

        Assert.Equal(_alexCase, Assert.Single(page.Items).CaseId);
        Assert.Equal(reference, page.Items[0].CaseReference);
    }

    [Fact]
    public async Task Search_ByTimeActionAndOutcome_Combines()
    {
        var start = ServiceHarness.Weekday;

        Assert.Equal(1, (await Reader.SearchAsync(_ari, new AuditFilter(From: start, To: start.AddMinutes(30)), 0, 50)).Total);
        Assert.Equal(2, (await Reader.SearchAsync(_ari, new AuditFilter(Action: "case.opened"), 0, 50)).Total);
        Assert.Equal(2, (await Reader.SearchAsync(_ari, new AuditFilter(Action: "case.", Outcome: "succeeded", Actor: "dana", From: start.AddMinutes(30)), 0, 50)).Total);
        Assert.Equal(0, (await Reader.SearchAsync(_ari, new AuditFilter(Outcome: "refused"), 0, 50)).Total);
    }

    [Fact]
    public async Task Search_PagesOnTheServer()
    {
        var first = await Reader.SearchAsync(_ari, new AuditFilter(), 0, 2);
        var second = await Reader.SearchAsync(_ari, new AuditFilter(), 2, 2);

        Assert.Equal(2, first.Items.Count);
        Assert.True(first.Items[^1].Sequence > second.Items[0].Sequence);
        Assert.Equal(first.Total, second.Total);
    }

    [Fact]
    public async Task Search_ByAnAgent_IsRefused()
    {
        await Assert.ThrowsAsync<AccessRefusedException>(() => Reader.SearchAsync(_dana, new AuditFilter(), 0, 10));
    }

    [Fact]
    public async Task ExportCsv_QuotesFieldsAndNeutralisesFormulas_AndIsItselfAudited()
    {
        using var output = new MemoryStream();

        await Reader.ExportAsync(_ari, new AuditFilter(Account: DemoAccounts.Contractor), AuditExportFormat.Csv, output);

        var lines = Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n');
        Assert.StartsWith("sequence,at,actor_id", lines[0]);
        Assert.Equal(3, lines.Length);
        Assert.Contains("\"{\"\"reason\"\":", lines[2]); // JSON details quoted, quotes doubled
        Assert.Equal("'=SUM(A1)", AuditReader.Csv(Line("=SUM(A1)")).Split(',')[6]);
        await using var db = await _harness.DbAsync();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.Action == "audit.exported" && e.ActorId == "ari"));
    }

    [Fact]
    public async Task ExportJsonLines_WritesOneParsableObjectPerEntry()
    {
        using var output = new MemoryStream();

        await Reader.ExportAsync(_ari, new AuditFilter(Case: _alexCase.ToString()), AuditExportFormat.JsonLines, output);

        var line = Assert.Single(Encoding.UTF8.GetString(output.ToArray()).TrimEnd().Split('\n'));
        using var json = JsonDocument.Parse(line);
        Assert.Equal("case.opened", json.RootElement.GetProperty("action").GetString());
        Assert.Equal("standard", json.RootElement.GetProperty("details").GetProperty("tier").GetString());
    }

    [Fact]
    public async Task Export_ByAnAgent_IsRefusedAndWritesNothing()
    {
        using var output = new MemoryStream();

        await Assert.ThrowsAsync<AccessRefusedException>(() => Reader.ExportAsync(_dana, new AuditFilter(), AuditExportFormat.Csv, output));

        Assert.Equal(0, output.Length);
    }

    [Fact]
    public async Task EvidencePack_HasTheRequestStepsAndTimeline_AndTheChainVerifies()
    {
        var pack = await _harness.Get<EvidencePackService>().BuildAsync(_ari, _jamieCase);

        Assert.Equal(("jamie.lee", "dana", CaseStatus.Frozen), (pack.Case.SubjectUsername, pack.Case.OpenedById, pack.Case.Status));
        Assert.NotNull(pack.Case.PolicySha256);
        Assert.Equal(["case.opened", "case.frozen"], pack.Timeline.Select(t => t.Action).ToArray());
        Assert.True(pack.Chain.Intact, pack.Chain.Summary);
        Assert.Equal(2, pack.Chain.Entries);
    }

    [Fact]
    public async Task EvidencePack_AfterAnEntryWasEdited_SaysWhichOne()
    {
        await using (var db = await _harness.DbAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DROP TRIGGER IF EXISTS audit_entries_no_update");
            var opened = await db.AuditEntries.SingleAsync(e => e.CaseId == _jamieCase && e.Action == "case.opened");
            await db.Database.ExecuteSqlAsync($"UPDATE AuditEntries SET ActorId = 'someone-else' WHERE Sequence = {opened.Sequence}");
        }

        var pack = await _harness.Get<EvidencePackService>().BuildAsync(_ari, _jamieCase);

        Assert.False(pack.Chain.Intact);
        Assert.Contains("edited or forged", pack.Chain.Summary);
    }

    private static AuditLine Line(string action) => new(1, DateTimeOffset.UnixEpoch, "a", "A", "Auditor", false, action, "succeeded", null, null, "{}", "h");

    private async Task<Guid> OpenAsync(string username, string ticket)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException();
        return await _harness.Get<CaseService>().OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.PasswordReset, RequestChannel.Phone, ticket));
    }
}
