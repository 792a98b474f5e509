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

// A queue page is one statement: due order, paging, the tier filter, and each row's counting approvals worked out in
// the database by the same rule as RecoveryCase.CountingApprovals.
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
    [InlineData(null, "IX_RecoveryCases_Status_ApprovalQueue_ApprovalDueAt (Status=? AND ApprovalQueue=?)")]
    [InlineData("elevated", "IX_RecoveryCases_Status_ApprovalQueue_TierId_ApprovalDueAt (Status=? AND ApprovalQueue=? AND TierId=?)")]
    public async Task PageQuery_IsOneStatementReadingItsIndexInDueOrder_WithOrWithoutATier(string? tierId, string index)
    {
        await using var db = await _harness.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var text = ApprovalService.PageQuery.Compile()(db, ApprovalQueue.Supervisor, tierId, _harness.Time.GetUtcNow(), 0, 50).ToQueryString();

        var plan = await QueryPlans.ExplainAsync(db, text);

        Assert.Contains(plan, step => step.Contains(index, StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN \"RecoveryCases\"", StringComparison.Ordinal) || step.StartsWith("SCAN RecoveryCases", StringComparison.Ordinal));
        Assert.DoesNotContain(plan, step => step.Contains("TEMP B-TREE FOR ORDER BY", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_ApprovalDecisions_CaseId_ApproverId (CaseId=?)", StringComparison.Ordinal));
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
