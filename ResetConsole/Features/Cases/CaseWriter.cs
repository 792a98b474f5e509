using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Cases;

/// <summary>
/// The one way a case changes: take the write gate, check the actor's current roles inside the transaction, load the case, apply the
/// change, append its audit entry and any security alert and commit, all in one transaction; then tell open screens. A refusal is audited
/// on its own and rethrown.
/// </summary>
public sealed class CaseWriter(
    IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, IAuditLog audit, SecurityAlerts alerts, ConsoleEventHub hub, TimeProvider time)
{
    public DateTimeOffset Now => time.GetUtcNow();

    public async Task<T> ChangeAsync<T>(
        StaffActor actor,
        Guid caseId,
        IReadOnlyCollection<string> roles,
        string action,
        Func<CaseContext, Task<(T Result, CaseChange Change)>> change,
        CancellationToken ct = default)
    {
        StaffActor? current = null;
        string? subjectId = null;
        try
        {
            T result;
            CaseChange made;
            IReadOnlyList<SecurityAlert> raised;
            using (await gate.EnterAsync(ct))
            {
                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                current = await StaffAccess.RequireAsync(db, actor, roles, ct);
                var recoveryCase = await db.RecoveryCases.SingleOrDefaultAsync(c => c.Id == caseId, ct)
                    ?? throw new CaseRuleException("There is no such case.");
                subjectId = recoveryCase.SubjectId;
                var before = DailyTally.Snapshot(recoveryCase);
                (result, made) = await change(new CaseContext(db, recoveryCase, current, time.GetUtcNow()));
                await DailyTally.AddChangeAsync(db, recoveryCase, before, ct);
                await audit.AppendAsync(db, made.Audit, ct);
                raised = alerts.Stage(db, made.Audit, recoveryCase);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            alerts.Announce(raised);

            // Outside the gate: side effects (sending a code) may write on their own, and must not hold up other writers.
            hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, caseId, subjectId));
            if (made.AfterCommit is not null)
            {
                await made.AfterCommit();
            }

            return result;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException)
        {
            await audit.AppendAloneAsync(new AuditRecord(current ?? actor, action, AuditRecord.Refused, caseId, subjectId,
                new Dictionary<string, string?> { ["reason"] = ex.Message }), CancellationToken.None);
            throw;
        }
    }

    public Task ChangeAsync(StaffActor actor, Guid caseId, IReadOnlyCollection<string> roles, string action,
        Func<CaseContext, Task<CaseChange>> change, CancellationToken ct = default) =>
        ChangeAsync(actor, caseId, roles, action, async context => (true, await change(context)), ct);
}
