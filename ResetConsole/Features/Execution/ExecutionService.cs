using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Notifications;
using ResetConsole.Policy;

namespace ResetConsole.Features.Execution;

/// <summary>
/// Executes a reset for real. The case is committed as executing with every side effect pending; then each effect is
/// applied against the directory and the notification sender outside the write gate, and recorded applied or
/// failed. The case completes only when all applied; otherwise it needs attention. Nothing fails open.
/// </summary>
public sealed class ExecutionService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseWriter writer,
    WriteGate gate,
    IDirectoryConnector directory,
    IDirectoryWriter directoryWriter,
    INotificationSender sender,
    IAuditLog audit,
    SecurityAlerts alerts,
    ConsoleEventHub hub,
    TimeProvider time,
    ILogger<ExecutionService> logger)
{
    private static readonly StaffActor SystemActor = new("resetconsole", "system", "ResetConsole", null, new HashSet<string>(), false, null);

    public async Task ExecuteAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        await writer.ChangeAsync(actor, caseId, [Roles.Agent], "case.execute", context =>
        {
            CaseAccess.EnsureWorker(context.Actor, context.Case);
            var plan = context.Case.BeginExecution(context.Actor.Id, context.Now);
            return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, "case.execution-started", AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                new Dictionary<string, string?>
                {
                    ["plan"] = string.Join(", ", plan.Select(e => e.Kind)),
                    ["approvers"] = string.Join(", ", context.Case.Decisions.Where(d => d.Counts(context.Now)).Select(d => d.ApproverName)),
                    ["policyVersion"] = context.Case.PolicyVersion.ToString(CultureInfo.InvariantCulture),
                })));
        }, ct);
        await RunAsync(caseId, ct);
    }

    /// <summary>A supervisor or security lead tries the failed side effects of a case that needs attention again.</summary>
    public async Task RetryAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        await writer.ChangeAsync(actor, caseId, [Roles.Supervisor, Roles.SecurityLead], "case.retry", context =>
        {
            context.Case.RetryExecution(context.Now);
            return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, "case.execution-retried", AuditRecord.Succeeded, caseId, context.Case.SubjectId)));
        }, ct);
        await RunAsync(caseId, ct);
    }

    /// <summary>
    /// Resumes what a crash or a transient failure left: executing cases with pending effects, and failed transient
    /// effects whose retry time has come. Run at start-up (the reconciler) and periodically.
    /// </summary>
    public async Task<int> ResumeAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<Guid> cases;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            cases = await db.SideEffects.AsNoTracking()
                .Where(e => e.Status == SideEffectStatus.Pending || (e.Status == SideEffectStatus.Failed && e.LastErrorTransient && e.NextAttemptAt <= now))
                .Select(e => e.CaseId).Distinct().ToListAsync(ct);
        }

        foreach (var caseId in cases)
        {
            await RunAsync(caseId, ct);
        }

        return cases.Count;
    }

    /// <summary>Applies the case's due side effects in order, stopping at the first that fails.</summary>
    public async Task RunAsync(Guid caseId, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        RecoveryCase snapshot;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            snapshot = await db.RecoveryCases.AsNoTracking().AsSplitQuery().SingleAsync(c => c.Id == caseId, ct);
        }

        var subject = await directory.FindAsync(snapshot.SubjectId, ct);
        foreach (var effect in snapshot.SideEffects.OrderBy(e => e.Order).Where(e => e.Status != SideEffectStatus.Applied))
        {
            if (effect.Status == SideEffectStatus.Failed && !(effect.LastErrorTransient && effect.NextAttemptAt <= now))
            {
                break;
            }

            var (outcome, error) = await ApplyAsync(effect, snapshot, subject, ct);
            await RecordAsync(caseId, effect.Id, outcome, error, ct);
            if (error is not null)
            {
                break;
            }
        }

        await SettleAsync(caseId, ct);
    }

    private async Task<(string? Outcome, DirectoryOperationException? Error)> ApplyAsync(SideEffect effect, RecoveryCase recoveryCase, Subject? subject, CancellationToken ct)
    {
        try
        {
            if (subject is null)
            {
                throw new DirectoryOperationException("The account is no longer in the directory.", isTransient: false);
            }

            return (await SideEffectRunner.ApplyAsync(effect, recoveryCase, subject, directory, directoryWriter, sender, time.GetUtcNow(), ct), null);
        }
        catch (DirectoryOperationException ex)
        {
            ExecutionLog.SideEffectFailed(logger, recoveryCase.Id, effect.Kind, ex.IsTransient);
            return (null, ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A sender or connector bug must not leave the effect looking pending forever: record it, retryable.
            ExecutionLog.SideEffectFailed(logger, recoveryCase.Id, effect.Kind, true);
            return (null, new DirectoryOperationException($"{effect.Kind} failed: {ex.GetType().Name}.", isTransient: true, inner: ex));
        }
    }

    private async Task RecordAsync(Guid caseId, Guid effectId, string? outcome, DirectoryOperationException? error, CancellationToken ct)
    {
        string subjectId;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var effect = await db.SideEffects.SingleAsync(e => e.Id == effectId, ct);
            subjectId = await db.RecoveryCases.Where(c => c.Id == caseId).Select(c => c.SubjectId).SingleAsync(ct);
            var now = time.GetUtcNow();
            if (error is null)
            {
                effect.MarkApplied(outcome, now);
            }
            else
            {
                effect.MarkFailed(error.Message, error.IsTransient, error.RetryAfter, now);
            }

            await audit.AppendAsync(db, new AuditRecord(SystemActor, error is null ? "side-effect.applied" : "side-effect.failed",
                error is null ? AuditRecord.Succeeded : AuditRecord.Failed, caseId, subjectId, new Dictionary<string, string?>
                {
                    ["kind"] = effect.Kind.ToString(),
                    ["attempt"] = effect.Attempts.ToString(CultureInfo.InvariantCulture),
                    ["outcome"] = outcome,
                    ["error"] = error?.Message,
                    ["idempotencyKey"] = effect.IdempotencyKey,
                }), ct);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, caseId, subjectId));
    }

    private async Task SettleAsync(Guid caseId, CancellationToken ct)
    {
        string subjectId;
        CaseStatus status;
        IReadOnlyList<Domain.Alerts.SecurityAlert> raised;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var recoveryCase = await db.RecoveryCases.AsSplitQuery().SingleAsync(c => c.Id == caseId, ct);
            var before = recoveryCase.Status;
            recoveryCase.SettleExecution(time.GetUtcNow());
            subjectId = recoveryCase.SubjectId;
            status = recoveryCase.Status;
            if (status == before)
            {
                return;
            }

            var settled = new AuditRecord(SystemActor, status == CaseStatus.Completed ? "case.completed" : "case.needs-attention",
                status == CaseStatus.Completed ? AuditRecord.Succeeded : AuditRecord.Failed, caseId, subjectId, new Dictionary<string, string?>
                {
                    ["sideEffects"] = string.Join(", ", recoveryCase.SideEffects.OrderBy(e => e.Order).Select(e => $"{e.Kind}={e.Status}")),
                });
            await audit.AppendAsync(db, settled, ct);
            raised = alerts.Stage(db, settled, recoveryCase);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        ExecutionLog.Settled(logger, caseId, status);
        hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, caseId, subjectId));
        alerts.Announce(raised);
    }
}
