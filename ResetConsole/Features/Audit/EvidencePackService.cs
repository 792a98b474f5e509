using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Exceptions;
using ResetConsole.Policy;

namespace ResetConsole.Features.Audit;

/// <summary>Builds a case's evidence pack for auditors and security leads; building one is itself audited.</summary>
public sealed class EvidencePackService(
    IDbContextFactory<AppDbContext> dbFactory, StaffAccess access, AuditReader reader, IAuditEntryCheck check, IAuditLog audit, TimeProvider time)
{
    public async Task<EvidencePack> BuildAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, AuditReader.Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var c = await db.RecoveryCases.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(r => r.Id == caseId, ct)
            ?? throw new CaseRuleException("There is no such case.");
        var policySha = await db.PolicyVersions.AsNoTracking().Where(v => v.Number == c.PolicyVersion).Select(v => v.Sha256).SingleOrDefaultAsync(ct);
        var exceptions = await db.ExceptionGrants.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.RequestedAt).ToListAsync(ct);
        var timeline = await reader.ForCaseAsync(current, caseId, ct);
        var chain = await check.CheckAsync(db, timeline.Select(t => t.Sequence).ToList(), ct);
        await audit.AppendAloneAsync(new AuditRecord(current, "audit.evidence-pack", AuditRecord.Succeeded, caseId, c.SubjectId), ct);

        return new EvidencePack(
            time.GetUtcNow(),
            current.Name,
            new EvidenceCase(c.Id, c.Reference, c.TicketReference, PolicyNames<RequestChannel>.Name(c.Channel), ActionLabels.Of(c.EffectiveAction),
                c.SubjectId, c.SubjectDisplayName, c.SubjectUsername, c.TierId, c.TierName,
                [.. c.Reasons.Select(r => r.Text)], [.. c.Signals.Select(s => s.Text)],
                c.OpenedById, c.OpenedByName, c.OpenedByVendor, c.OpenedAt, c.Status, c.ClosedReason, c.ClosedAt, c.PolicyVersion, policySha),
            [.. c.Steps.OrderBy(s => s.Order).Select(s => new EvidenceStep(s.Order, string.Join(" or ", s.Options.Select(o => PolicyNames<StepKind>.Name(o.Kind))),
                s.Status, s.Evidence, s.WaivedByExceptionId))],
            [.. exceptions.Select(e => ExceptionService.View(e, current))],
            [.. c.Decisions.OrderBy(d => d.DecidedAt).Select(d => new EvidenceApproval(d.ApproverId, d.ApproverName, d.ApproverRoles, d.Approved, d.Reason, d.DecidedAt,
                d.RequestHash, d.VoidedAt, d.VoidReason))],
            [.. c.SideEffects.OrderBy(e => e.Order).Select(e => new EvidenceSideEffect(e.Order, e.Kind, e.Status, e.Attempts, e.Outcome, e.LastError, e.AppliedAt))],
            timeline,
            chain);
    }
}
