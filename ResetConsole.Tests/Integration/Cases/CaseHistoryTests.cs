using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;
using ResetConsole.Tests.Unit.Domain.Cases;
using ResetConsole.Tests.Unit.Policy;

namespace ResetConsole.Tests.Integration.Cases;

/// <summary>The policy's history signals, read from real SQLite: last reset and freeze, failed verifications, the agent's pace.</summary>
public sealed class CaseHistoryTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = CaseScenarios.Now;
    private ServiceHarness _harness = default!;

    public async Task InitializeAsync() => _harness = await ServiceHarness.StartAsync(Now);

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SubjectQuery_IsOneStatementOfIndexSeeks_NotAReadOfEveryCaseTheSubjectEverHad()
    {
        await using var db = await _harness.DbAsync();
        var text = CaseHistory.SubjectQuery.Compile()(db, "u-1001", Now.AddDays(-7)).ToQueryString();

        var plan = await QueryPlans.ExplainAsync(db, text);

        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_RecoveryCases_SubjectId_Status_ClosedAt (SubjectId=? AND Status=?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_RecoveryCases_SubjectId_FrozenAt", StringComparison.Ordinal));
        // The window's cases hand their ids to the steps from the index alone, not from a lookup of each in the table.
        Assert.Contains(plan, step => step.Contains("USING COVERING INDEX IX_RecoveryCases_SubjectId_OpenedAt_Id (SubjectId=? AND OpenedAt>?)", StringComparison.Ordinal));
        Assert.Contains(plan, step => step.Contains("IX_VerificationSteps_CaseId (CaseId=?)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ReadAsync_ManyCasesOfTheSubjectAndOthers_CountsOnlyTheSubjectsAndTheWindow()
    {
        var subject = PolicySamples.Employee();
        var other = PolicySamples.FinanceApprover() with { Id = "u-2002" };
        // Two resets (the later counts), a freeze and failed attempts in the window, old failures outside it, and another
        // subject's case by the same agent in the last hour (counts only for the agent's pace).
        await AddAsync(subject, Now.AddDays(-12), status: CaseStatus.Completed, closedAt: Now.AddDays(-10));
        await AddAsync(subject, Now.AddDays(-3), status: CaseStatus.Completed, closedAt: Now.AddDays(-2));
        await AddAsync(subject, Now.AddHours(-5), status: CaseStatus.Frozen, frozenAt: Now.AddHours(-4), failedAttempts: 2);
        await AddAsync(subject, Now.AddMinutes(-30), status: CaseStatus.Abandoned, closedAt: Now.AddMinutes(-20), failedAttempts: 1);
        await AddAsync(subject, Now.AddDays(-3).AddHours(-1), status: CaseStatus.Abandoned, failedAttempts: 5);
        await AddAsync(other, Now.AddMinutes(-10), status: CaseStatus.Completed, closedAt: Now.AddMinutes(-5), frozenAt: Now.AddMinutes(-6), failedAttempts: 3);

        await using var db = await _harness.DbAsync();
        var history = _harness.Get<CaseHistory>();
        var withAgent = await history.ReadAsync(db, subject.Id, CaseScenarios.AgentId, Now, CancellationToken.None);
        var withoutAgent = await history.ReadAsync(db, subject.Id, agentId: null, Now, CancellationToken.None);

        Assert.Equal(Now.AddDays(-2), withAgent.LastResetAt);
        Assert.Equal(Now.AddHours(-4), withAgent.LastFrozenAt);
        Assert.Equal(3, withAgent.FailedVerifications);
        Assert.Equal(2, withAgent.AgentCasesLastHour);
        Assert.Equal(withAgent with { AgentCasesLastHour = 0 }, withoutAgent);
    }

    [Fact]
    public async Task ReadAsync_ASubjectWithNoCases_HasNoHistory()
    {
        await using var db = await _harness.DbAsync();

        var recent = await _harness.Get<CaseHistory>().ReadAsync(db, "nobody", CaseScenarios.AgentId, Now, CancellationToken.None);

        Assert.Equal(new RecentHistory(), recent);
    }

    private async Task AddAsync(Domain.Subjects.Subject subject, DateTimeOffset openedAt, CaseStatus status,
        DateTimeOffset? closedAt = null, DateTimeOffset? frozenAt = null, int failedAttempts = 0)
    {
        var recoveryCase = CaseScenarios.Open(subject, CaseScenarios.Decide(subject));
        await using var db = await _harness.DbAsync();
        db.RecoveryCases.Add(recoveryCase);
        await db.SaveChangesAsync();
        await db.RecoveryCases.Where(c => c.Id == recoveryCase.Id).ExecuteUpdateAsync(set => set
            .SetProperty(c => c.OpenedAt, openedAt).SetProperty(c => c.Status, status)
            .SetProperty(c => c.ClosedAt, closedAt).SetProperty(c => c.FrozenAt, frozenAt).SetProperty(c => c.Version, c => c.Version + 1));
        var firstStep = recoveryCase.Steps.OrderBy(s => s.Order).First().Id;
        await db.VerificationSteps.Where(s => s.Id == firstStep).ExecuteUpdateAsync(set => set.SetProperty(s => s.FailedAttempts, failedAttempts));
    }
}
