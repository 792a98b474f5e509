using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Approvals;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;
using ResetConsole.Tests.Unit.Domain.Cases;

namespace ResetConsole.Tests.Integration.Approvals;

// A queue page is one statement the first time (due order, paging, the tier filter, and each item's counting approvals
// worked out in the database by the same rule as RecoveryCase.CountingApprovals); after that its rows are one
// statement and the items are read by key, only those that changed since the previous read.
public sealed class QueuePageTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;
    private StaffActor _lee = default!;

    private ApprovalService Approvals => _harness.Get<ApprovalService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync(CaseScenarios.Now);
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task Approvals_CountEachApproversValidApprovalOnce_NotVoidedLapsedOrRejectedOnes()
    {
        var now = _harness.Time.GetUtcNow();
        var recoveryCase = Waiting(CaseScenarios.OpenPrivileged(), dueInMinutes: 10);
        recoveryCase.Decisions.AddRange(
        [
            Decision(recoveryCase, "kim", approved: true, validUntil: now.AddMinutes(30)),
            Decision(recoveryCase, "kim", approved: true, validUntil: now.AddMinutes(20)),
            Decision(recoveryCase, "max", approved: true, validUntil: now.AddMinutes(-1)),
            Decision(recoveryCase, "ola", approved: true, validUntil: now.AddMinutes(30), voidedAt: now.AddMinutes(-2)),
            Decision(recoveryCase, "pat", approved: false, validUntil: null),
        ]);
        await AddAsync(recoveryCase);

        var item = Assert.Single((await Approvals.QueueAsync(_lee, ApprovalQueue.Security, new QueueQuery())).Items);

        Assert.Equal((recoveryCase.Id, 1, 2), (item.CaseId, item.Approvals, item.Required));
        _harness.Time.Advance(TimeSpan.FromMinutes(25));
        Changed();
        Assert.Equal(1, Assert.Single((await Approvals.QueueAsync(_lee, ApprovalQueue.Security, new QueueQuery())).Items).Approvals);
        _harness.Time.Advance(TimeSpan.FromMinutes(10));
        Changed();
        Assert.Equal(0, Assert.Single((await Approvals.QueueAsync(_lee, ApprovalQueue.Security, new QueueQuery())).Items).Approvals);
    }

    [Fact]
    public async Task Page_IsInDueOrder_PagedAndFilteredByTier_WithTheQueuesTotal()
    {
        var cases = Enumerable.Range(0, 5).Select(i => Waiting(CaseScenarios.OpenElevated(), dueInMinutes: 50 - (i * 10))).ToList();
        foreach (var recoveryCase in cases)
        {
            await AddAsync(recoveryCase);
        }

        var byDue = cases.OrderBy(c => c.ApprovalDueAt).Select(c => c.Id).ToList();

        var first = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery(PageSize: 2));
        var third = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery(Page: 2, PageSize: 2));
        var elevated = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery(TierId: cases[0].TierId, PageSize: 10));
        var standard = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery(TierId: "standard"));

        Assert.Equal(byDue.Take(2), first.Items.Select(i => i.CaseId));
        Assert.Equal(5, first.TotalCount);
        Assert.Equal([byDue[4]], third.Items.Select(i => i.CaseId));
        Assert.Equal(byDue, elevated.Items.Select(i => i.CaseId));
        Assert.Equal((0, 0), (standard.Items.Count, standard.TotalCount));
        Assert.All(first.Items, i => Assert.Equal(string.Join("; ", cases[0].Reasons.Select(r => r.Text)), i.Reasons));
    }

    [Theory]
    [InlineData(false, null, "IX_RecoveryCases_Status_ApprovalQueue_ApprovalDueAt (Status=? AND ApprovalQueue=?)")]
    [InlineData(false, "elevated", "IX_RecoveryCases_Status_ApprovalQueue_TierId_ApprovalDueAt (Status=? AND ApprovalQueue=? AND TierId=?)")]
    [InlineData(true, null, "IX_RecoveryCases_Status_ApprovalQueue_ApprovalDueAt (Status=? AND ApprovalQueue=?)")]
    [InlineData(true, "elevated", "IX_RecoveryCases_Status_ApprovalQueue_TierId_ApprovalDueAt (Status=? AND ApprovalQueue=? AND TierId=?)")]
    public async Task PageQueries_AreOneStatementReadingTheirIndexInDueOrder_WithOrWithoutATier(bool rowsOnly, string? tierId, string index)
    {
        await using var db = await _harness.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = _harness.Time.GetUtcNow();
        var text = rowsOnly
            ? ApprovalService.PageRowsQuery.Compile()(db, ApprovalQueue.Supervisor, tierId, now, 0, 50).ToQueryString()
            : ApprovalService.PageQuery.Compile()(db, ApprovalQueue.Supervisor, tierId, now, 0, 50).ToQueryString();

        var plan = await QueryPlans.ExplainAsync(db, text);

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN \"RecoveryCases\"", StringComparison.Ordinal) || step.StartsWith("SCAN RecoveryCases", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_ApprovalDecisions_CaseId_ApproverId (CaseId=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Page_AfterOneCaseChanged_ReadsOnlyThatCaseAgain_AndHandsOutTheOthersAsTheSameInstances()
    {
        await _harness.DisposeAsync();
        var statements = new ItemStatements();
        _harness = await ServiceHarness.StartAsync(CaseScenarios.Now, s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(statements)));
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        var overdue = Waiting(CaseScenarios.OpenElevated(), dueInMinutes: -1);
        var others = new[] { Waiting(CaseScenarios.OpenElevated(), dueInMinutes: 10), Waiting(CaseScenarios.OpenElevated(), dueInMinutes: 20) };
        foreach (var recoveryCase in others.Prepend(overdue))
        {
            await AddAsync(recoveryCase);
        }

        var before = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery());
        Assert.Empty(Assert.Single(statements.Ids)); // the first read of the page: one statement for the whole page, no keys
        Assert.Equal(3, before.Items.Count);
        Assert.Equal(1, await Approvals.SweepAsync()); // escalates the overdue case: a new version, the same approvals
        Changed();
        var after = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery());

        Assert.Equal(overdue.Id, Assert.Single(statements.Ids[1]));
        Assert.Equal(before.Items.Select(i => i.CaseId), after.Items.Select(i => i.CaseId));
        Assert.Equal((false, true), (before.Items[0].Escalated, after.Items[0].Escalated));
        Assert.True(after.Items[0].Version > before.Items[0].Version);
        Assert.Same(before.Items[1], after.Items[1]);
        Assert.Same(before.Items[2], after.Items[2]);
        // The page kept and re-read is the page a read from nothing gives.
        Assert.Equal(after.Items, (await Approvals.ReadQueueAsync(ApprovalQueue.Supervisor, new QueueQuery(), previous: null, CancellationToken.None)).Items);
        statements.Ids.RemoveAt(statements.Ids.Count - 1); // that check's own statement, not one the queue ran
        Changed();
        Assert.Same(after.Items[0], (await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery())).Items[0]);
        Assert.Equal(2, statements.Ids.Count);
    }

    [Fact]
    public async Task Page_ACaseJoiningBetweenTheTotalAndTheRows_IsInNeitherOrBoth()
    {
        await _harness.DisposeAsync();
        var between = new AfterTheTotal();
        _harness = await ServiceHarness.StartAsync(CaseScenarios.Now, s => s.ConfigureDbContext<AppDbContext>(o => o.AddInterceptors(between)));
        _lee = await _harness.StaffAsync("lee", Roles.SecurityLead);
        await AddAsync(Waiting(CaseScenarios.OpenElevated(), dueInMinutes: 10));
        var joining = Waiting(CaseScenarios.OpenElevated(), dueInMinutes: 5);
        between.Then = () => AddAsync(joining);

        var page = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery());

        Assert.True(between.Ran);
        Assert.Equal((1, 1), (page.TotalCount, page.Items.Count));
        Changed();
        var next = await Approvals.QueueAsync(_lee, ApprovalQueue.Supervisor, new QueueQuery());
        Assert.Equal((2, joining.Id), (next.TotalCount, next.Items[0].CaseId));
    }

    // Commits another change once, right after the queue's total has been read and before the page's rows are.
    private sealed class AfterTheTotal : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public Func<Task>? Then { get; set; }

        public bool Ran { get; private set; }

        public override async ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            if (Then is { } then && command.CommandText.Contains("\"QueueTallies\"", StringComparison.Ordinal))
            {
                Then = null;
                await then();
                Ran = true;
            }

            return result;
        }
    }

    // The case ids each read of queue items (the statement that reads them by key) asked for.
    private sealed class ItemStatements : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public List<List<Guid>> Ids { get; } = [];

        public override ValueTask<System.Data.Common.DbDataReader> ReaderExecutedAsync(System.Data.Common.DbCommand command,
            Microsoft.EntityFrameworkCore.Diagnostics.CommandExecutedEventData eventData, System.Data.Common.DbDataReader result, CancellationToken cancellationToken = default)
        {
            // The queue items' projection, not a whole case (which the sweep reads, with its ticket reference).
            if (command.CommandText.StartsWith("SELECT", StringComparison.Ordinal) && command.CommandText.Contains("\"SubjectDisplayName\"", StringComparison.Ordinal)
                && !command.CommandText.Contains("\"TicketReference\"", StringComparison.Ordinal))
            {
                var values = string.Join(" ", command.Parameters.Cast<System.Data.Common.DbParameter>().Select(p => Convert.ToString(p.Value, System.Globalization.CultureInfo.InvariantCulture)));
                Ids.Add([.. System.Text.RegularExpressions.Regex.Matches(values, "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}").Select(m => Guid.Parse(m.Value))]);
            }

            return ValueTask.FromResult(result);
        }
    }

    // The page is shared between changes; a change makes the next read query again.
    private void Changed() => _harness.Get<ConsoleEventHub>().Publish(new ConsoleEvent(ConsoleTopic.CaseChanged));

    private RecoveryCase Waiting(RecoveryCase recoveryCase, int dueInMinutes)
    {
        var now = _harness.Time.GetUtcNow();
        recoveryCase.PassAll(now).SubmitForApproval(now);
        recoveryCase.ApprovalDueAt = now.AddMinutes(dueInMinutes);
        return recoveryCase;
    }

    private static ApprovalDecision Decision(RecoveryCase recoveryCase, string approver, bool approved, DateTimeOffset? validUntil, DateTimeOffset? voidedAt = null) => new()
    {
        Id = Guid.NewGuid(),
        CaseId = recoveryCase.Id,
        ApproverId = approver,
        ApproverName = approver,
        ApproverRoles = Roles.SecurityLead,
        Approved = approved,
        RequestHash = "hash",
        DecidedAt = recoveryCase.SubmittedAt!.Value,
        ValidUntil = validUntil,
        VoidedAt = voidedAt,
    };

    private async Task AddAsync(RecoveryCase recoveryCase)
    {
        await using var db = await _harness.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        db.RecoveryCases.Add(recoveryCase);
        await db.SaveChangesAsync();
    }
}
