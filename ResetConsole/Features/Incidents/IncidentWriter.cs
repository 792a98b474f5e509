using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Audit;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Incidents;

/// <summary>
/// The one way incidents and policy proposals change, as <c>CaseWriter</c> is for cases: take the write gate, check
/// the actor's current roles (never a vendor), apply the change and append its audit entry in one transaction, then
/// publish. A refusal is audited on its own and rethrown.
/// </summary>
public sealed class IncidentWriter(
    IDbContextFactory<AppDbContext> dbFactory, WriteGate gate, StaffAccess access, IAuditLog audit, ConsoleEventHub hub, TimeProvider time)
{
    public async Task<T> ChangeAsync<T>(
        StaffActor actor,
        IReadOnlyCollection<string> roles,
        AuditRecord refusal,
        Func<IncidentContext, Task<IncidentChange<T>>> change,
        CancellationToken ct = default)
    {
        StaffActor? current = null;
        try
        {
            IncidentChange<T> made;
            using (await gate.EnterAsync(ct))
            {
                current = await access.RequireAsync(actor, roles, ct);
                if (current.IsVendor)
                {
                    throw new AccessRefusedException("Outsourced (vendor) staff never run incident reviews or change the policy.");
                }

                await using var db = await dbFactory.CreateDbContextAsync(ct);
                await using var transaction = await db.Database.BeginTransactionAsync(ct);
                made = await change(new IncidentContext(db, current, time.GetUtcNow()));
                await audit.AppendAsync(db, made.Audit, ct);
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
            }

            made.AfterCommit?.Invoke();
            hub.Publish(made.Published);
            return made.Result;
        }
        catch (Exception ex) when (ex is IncidentRuleException or AccessRefusedException)
        {
            var details = new Dictionary<string, string?>(refusal.Details ?? new Dictionary<string, string?>()) { ["reason"] = ex.Message };
            await audit.AppendAloneAsync(refusal with { Actor = current ?? actor, Outcome = AuditRecord.Refused, Details = details }, CancellationToken.None);
            throw;
        }
    }
}
