using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Cases;

/// <summary>
/// Changes that queue behind the write gate commit together, and each stays atomic on its own. The tests hold the gate
/// while they start the changes, so the batch that runs when it is released holds all of them.
/// </summary>
public sealed class GroupCommitTests : IAsyncLifetime
{
    private readonly FailingAuditLog.Switch _failOn = new();
    private readonly FailingCommit _failCommit = new();
    private ServiceHarness _harness = default!;
    private StaffActor _dana = default!;
    private StaffActor _vic = default!;

    private CaseService Cases => _harness.Get<CaseService>();

    public async Task InitializeAsync()
    {
        _harness = await ServiceHarness.StartAsync(configure: services =>
        {
            FailingAuditLog.Replace(services, _failOn);
            services.ConfigureDbContext<AppDbContext>((_, o) => o.AddInterceptors(_failCommit), ServiceLifetime.Singleton);
        });
        _dana = await _harness.StaffAsync("dana", Roles.Agent);
        _vic = await _harness.StaffAsync("vic", Roles.Agent);
    }

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact(Timeout = 30_000)]
    public async Task Batch_OneChangeRefused_TheOthersCommitAndTheRefusalIsAudited()
    {
        var a = await OpenAsync(DemoAccounts.StandardEmployee);
        var b = await OpenAsync(DemoAccounts.FinanceApprover);
        var c = await OpenAsync(DemoAccounts.Contractor);
        var commitsBefore = _failCommit.Commits;

        var outcomes = await InOneBatchAsync(
            () => Cases.FreezeAsync(_dana, a, "caller could not say where they were"),
            () => Cases.FreezeAsync(_vic, b, "not my case"),
            () => Cases.FreezeAsync(_dana, c, "pushy caller"));

        // One commit for the whole batch (the refusal's own audit entry is one statement, which EF saves without one).
        Assert.Equal(1, _failCommit.Commits - commitsBefore);
        Assert.Null(outcomes[0]);
        Assert.IsType<AccessRefusedException>(outcomes[1]);
        Assert.Null(outcomes[2]);
        Assert.Equal([CaseStatus.Frozen, CaseStatus.Verifying, CaseStatus.Frozen], [await StatusAsync(a), await StatusAsync(b), await StatusAsync(c)]);
        var trail = await TrailAsync();
        Assert.Equal(["case.frozen", "case.frozen"], trail.Where(e => e.Action == "case.frozen").Select(e => e.Action));
        Assert.Contains(trail, e => e.CaseId == b && e.Action == "case.freeze" && e.Outcome == AuditRecord.Refused && e.ActorId == "vic");
        Assert.True((await _harness.Get<AuditVerifier>().VerifyAsync()).IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task Batch_TheSameCaseTwice_TheSecondChangeSeesTheFirst()
    {
        var a = await OpenAsync(DemoAccounts.StandardEmployee);

        var outcomes = await InOneBatchAsync(
            () => Cases.FreezeAsync(_dana, a, "caller could not say where they were"),
            () => Cases.AbandonAsync(_dana, a, "caller hung up"));

        Assert.Null(outcomes[0]);
        Assert.IsType<CaseRuleException>(outcomes[1]);
        Assert.Equal(CaseStatus.Frozen, await StatusAsync(a));
        Assert.DoesNotContain(await TrailAsync(), e => e.Action == "case.abandoned");
    }

    [Fact(Timeout = 30_000)]
    public async Task Batch_OneAuditEntryFails_OnlyThatChangeIsUndone()
    {
        var a = await OpenAsync(DemoAccounts.StandardEmployee);
        var b = await OpenAsync(DemoAccounts.FinanceApprover);
        _failOn.Action = "case.frozen";
        var commitsBefore = _failCommit.Commits;

        var outcomes = await InOneBatchAsync(
            () => Cases.AbandonAsync(_dana, a, "caller hung up"),
            () => Cases.FreezeAsync(_dana, b, "pushy caller"));

        Assert.Equal(1, _failCommit.Commits - commitsBefore);
        Assert.Null(outcomes[0]);
        Assert.IsType<InvalidOperationException>(outcomes[1]);
        Assert.Equal(CaseStatus.Abandoned, await StatusAsync(a));
        Assert.Equal(CaseStatus.Verifying, await StatusAsync(b));
        await using var db = await _harness.DbAsync();
        Assert.Equal(0, await db.SubjectProtections.CountAsync());
        Assert.True((await _harness.Get<AuditVerifier>().VerifyAsync()).IsIntact);
    }

    [Fact(Timeout = 30_000)]
    public async Task Batch_TheCommitFails_NothingIsSavedAndEveryCallerHearsIt()
    {
        var a = await OpenAsync(DemoAccounts.StandardEmployee);
        var b = await OpenAsync(DemoAccounts.FinanceApprover);
        var entriesBefore = (await TrailAsync()).Count;
        var attemptsBefore = _failCommit.Attempts;
        _failCommit.On = true;

        var outcomes = await InOneBatchAsync(
            () => Cases.FreezeAsync(_dana, a, "caller could not say where they were"),
            () => Cases.AbandonAsync(_dana, b, "caller hung up"));
        _failCommit.On = false;

        // Both changes rode on the one commit that failed.
        Assert.Equal(1, _failCommit.Attempts - attemptsBefore);
        Assert.All(outcomes, o => Assert.IsType<InvalidOperationException>(o));
        Assert.Equal([CaseStatus.Verifying, CaseStatus.Verifying], [await StatusAsync(a), await StatusAsync(b)]);
        Assert.Equal(entriesBefore, (await TrailAsync()).Count);
        await using var db = await _harness.DbAsync();
        Assert.Equal(0, await db.SubjectProtections.CountAsync());
    }

    /// <summary>Starts the changes while holding the gate, waits until all are queued, then lets one batch run them.</summary>
    private async Task<Exception?[]> InOneBatchAsync(params Func<Task>[] changes)
    {
        var writer = _harness.Get<CaseWriter>();
        Task[] running;
        using (await _harness.Get<WriteGate>().EnterAsync())
        {
            running = [.. changes.Select(change => change())];
            while (writer.Waiting < changes.Length)
            {
                await Task.Yield();
            }
        }

        var outcomes = new Exception?[running.Length];
        for (var i = 0; i < running.Length; i++)
        {
            try
            {
                await running[i];
            }
            catch (Exception ex)
            {
                outcomes[i] = ex;
            }
        }

        return outcomes;
    }

    private async Task<Guid> OpenAsync(string username)
    {
        var subject = await _harness.Get<IDirectoryConnector>().FindByUsernameAsync(username) ?? throw new InvalidOperationException(username);
        return await Cases.OpenAsync(_dana, new OpenCaseRequest(subject.Id, RequestedAction.PasswordReset, RequestChannel.Phone, $"INC-{username}"));
    }

    private async Task<CaseStatus> StatusAsync(Guid caseId)
    {
        await using var db = await _harness.DbAsync();
        return await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == caseId).Select(c => c.Status).SingleAsync();
    }

    private async Task<List<AuditEntry>> TrailAsync()
    {
        await using var db = await _harness.DbAsync();
        return await db.AuditEntries.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
    }

    /// <summary>Fails every commit while on, as a full disk or a lost file handle would.</summary>
    private sealed class FailingCommit : DbTransactionInterceptor
    {
        private int _commits;
        private int _attempts;

        public bool On { get; set; }

        /// <summary>Commits that went through (each one fsync with synchronous=FULL).</summary>
        public int Commits => _commits;

        /// <summary>Commits tried, whether or not they went through.</summary>
        public int Attempts => _attempts;

        public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
            Decide(result);

        public override ValueTask<InterceptionResult> TransactionCommittingAsync(DbTransaction transaction, TransactionEventData eventData,
            InterceptionResult result, CancellationToken cancellationToken = default) => ValueTask.FromResult(Decide(result));

        private InterceptionResult Decide(InterceptionResult result)
        {
            Interlocked.Increment(ref _attempts);
            if (On)
            {
                throw new InvalidOperationException("the disk refused the commit");
            }

            Interlocked.Increment(ref _commits);
            return result;
        }
    }
}
