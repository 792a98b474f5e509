using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;

namespace ResetConsole.Features.Execution;

/// <summary>
/// The cool-down's exits, and the subject's "this wasn't me": the subject or manager of record (signed in as
/// themselves) may cancel a cooling-down reset; a security lead may end a cool-down early with a reason; a subject
/// who did not ask for a reset raises a security alert (and stops the reset if it has not run).
/// </summary>
public sealed class CoolDownService(IDbContextFactory<AppDbContext> dbFactory, CaseWriter writer, IDirectoryConnector directory)
{
    public async Task<ResetSummary?> SummaryAsync(Guid caseId, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == caseId)
            .Select(c => new ResetSummary(c.Id, c.SubjectDisplayName, c.EffectiveAction, c.Status, c.CoolDownUntil, c.OpenedAt))
            .SingleOrDefaultAsync(ct);
    }

    public Task CancelAsync(StaffActor person, Guid caseId, string reason, CancellationToken ct = default) =>
        writer.ChangeAsync(person, caseId, [], "case.cool-down-cancel", async context =>
        {
            var role = await RelationAsync(context.Case, context.Actor, ct);
            if (role is null || !context.Case.CoolDownCancelBy.Contains(role))
            {
                throw new AccessRefusedException("Only the account's owner or manager of record, signed in as themselves, can cancel this reset.");
            }

            context.Case.CancelCoolDown($"{context.Actor.Name} ({role.ToLowerInvariant()} of record)", reason, context.Now);
            return new CaseChange(new AuditRecord(context.Actor, "case.cool-down-cancelled", AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                new Dictionary<string, string?> { ["by"] = role, ["reason"] = reason.Trim() }));
        }, ct);

    public Task OverrideAsync(StaffActor securityLead, Guid caseId, string reason, CancellationToken ct = default) =>
        writer.ChangeAsync(securityLead, caseId, [Roles.SecurityLead], "case.cool-down-override", context =>
        {
            context.Case.OverrideCoolDown(reason, context.Now);
            return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, "case.cool-down-overridden", AuditRecord.Succeeded, caseId,
                context.Case.SubjectId, new Dictionary<string, string?> { ["reason"] = reason.Trim() })));
        }, ct);

    /// <summary>The subject says they did not ask for this. Always recorded as a security alert.</summary>
    public Task ReportNotMeAsync(StaffActor person, Guid caseId, CancellationToken ct = default) =>
        writer.ChangeAsync(person, caseId, [], "case.report-not-me", async context =>
        {
            if (await RelationAsync(context.Case, context.Actor, ct) != "Subject")
            {
                throw new AccessRefusedException("Only the account's owner, signed in as themselves, can report this.");
            }

            var stopped = false;
            if (context.Case.Status == CaseStatus.CoolingDown)
            {
                context.Case.CancelCoolDown(context.Actor.Name, "the subject reported they did not request it", context.Now);
                stopped = true;
            }

            return new CaseChange(new AuditRecord(context.Actor, "case.reported-not-me", AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                new Dictionary<string, string?> { ["caseStatus"] = context.Case.Status.ToString(), ["stoppedBeforeExecution"] = stopped ? "true" : "false" }));
        }, ct);

    private async Task<string?> RelationAsync(RecoveryCase recoveryCase, StaffActor person, CancellationToken ct)
    {
        if (person.Username is null)
        {
            return null;
        }

        var subject = await directory.FindAsync(recoveryCase.SubjectId, ct);
        if (subject is not null && string.Equals(subject.Username, person.Username, StringComparison.OrdinalIgnoreCase))
        {
            return "Subject";
        }

        var manager = subject?.ManagerId is { } managerId ? await directory.FindAsync(managerId, ct) : null;
        return manager is not null && string.Equals(manager.Username, person.Username, StringComparison.OrdinalIgnoreCase) ? "Manager" : null;
    }
}
