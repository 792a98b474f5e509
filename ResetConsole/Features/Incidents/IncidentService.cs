using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Infrastructure.Events;

namespace ResetConsole.Features.Incidents;

/// <summary>
/// Incident reviews: a security lead marks one case or several as an incident, adds cases, records findings and
/// closes it. Policy admins and auditors read them. Every change is audited in its own transaction; refusals too.
/// </summary>
public sealed class IncidentService(
    IDbContextFactory<AppDbContext> dbFactory, IncidentWriter writer, StaffAccess access, CaseService cases, ILogger<IncidentService> logger)
{
    public static readonly string[] Readers = [Roles.SecurityLead, Roles.PolicyAdmin, Roles.Auditor];

    private static readonly string[] Leads = [Roles.SecurityLead];

    public Task<Guid> OpenAsync(StaffActor actor, string title, string? findings, IReadOnlyList<Guid> caseIds, CancellationToken ct = default)
    {
        var single = caseIds.Count == 1 ? caseIds[0] : (Guid?)null;
        var refusal = new AuditRecord(actor, "incident.open", AuditRecord.Refused, single, Details: new Dictionary<string, string?>
        {
            ["cases"] = string.Join(",", caseIds),
        });
        return writer.ChangeAsync(actor, Leads, refusal, async context =>
        {
            var snapshots = new List<IncidentCase>();
            foreach (var caseId in caseIds.Distinct())
            {
                snapshots.Add(await SnapshotAsync(context, caseId, ct));
            }

            var incident = Incident.Open(title, findings, snapshots, context.Actor.Id, context.Actor.Name, context.Now);
            context.Db.Incidents.Add(incident);
            IncidentLog.Opened(logger, incident.Id, incident.Cases.Count, context.Actor.Id);
            var subjects = incident.SubjectIds;
            return new IncidentChange<Guid>(incident.Id, Audit(context.Actor, "incident.opened", incident, single, subjects.Count == 1 ? subjects[0] : null, new()
            {
                ["title"] = incident.Title,
                ["cases"] = string.Join(",", incident.Cases.Select(c => c.Reference)),
                ["subjects"] = string.Join(",", subjects),
                ["findings"] = incident.Findings.Length == 0 ? null : incident.Findings,
            }), Changed(incident));
        }, ct);
    }

    public Task AddCaseAsync(StaffActor actor, Guid incidentId, Guid caseId, CancellationToken ct = default) =>
        ChangeAsync(actor, incidentId, "incident.add-case", caseId, async (context, incident) =>
        {
            var snapshot = await SnapshotAsync(context, caseId, ct);
            incident.AddCase(snapshot, context.Now);
            return Audit(context.Actor, "incident.case-added", incident, caseId, snapshot.SubjectId, new() { ["case"] = snapshot.Reference });
        }, ct);

    public Task RecordFindingsAsync(StaffActor actor, Guid incidentId, string findings, CancellationToken ct = default) =>
        ChangeAsync(actor, incidentId, "incident.record-findings", null, (context, incident) =>
        {
            incident.RecordFindings(findings, context.Actor.Id, context.Actor.Name, context.Now);
            return Task.FromResult(Audit(context.Actor, "incident.findings-recorded", incident, null, null, new() { ["findings"] = incident.Findings }));
        }, ct);

    public Task CloseAsync(StaffActor actor, Guid incidentId, string note, CancellationToken ct = default) =>
        ChangeAsync(actor, incidentId, "incident.close", null, (context, incident) =>
        {
            incident.Close(note, context.Actor.Id, context.Actor.Name, context.Now);
            return Task.FromResult(Audit(context.Actor, "incident.closed", incident, null, null, new() { ["note"] = incident.ClosingNote }));
        }, ct);

    public async Task<IncidentListPage> ListAsync(StaffActor actor, int page, int pageSize, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var size = Math.Clamp(pageSize, 1, 100);
        var total = await db.Incidents.CountAsync(ct);
        var rows = await db.Incidents.AsNoTracking().OrderBy(i => i.Status).ThenByDescending(i => i.OpenedAt).Skip(Math.Max(0, page) * size).Take(size)
            .Select(i => new
            {
                i.Id, i.Title, i.Status, Cases = i.Cases.Count, i.OpenedByName, i.OpenedAt,
                Proposals = db.PolicyProposals.Count(p => p.IncidentId == i.Id),
            })
            .ToListAsync(ct);
        return new IncidentListPage([.. rows.Select(r => new IncidentSummary(r.Id, Reference(r.Id), r.Title, r.Status, r.Cases, r.OpenedByName, r.OpenedAt, r.Proposals))], total);
    }

    public async Task<IncidentDetails> GetAsync(StaffActor actor, Guid incidentId, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var incident = await db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, ct)
            ?? throw new IncidentRuleException("There is no such incident.");
        var open = incident.Status == IncidentStatus.Open && !current.IsVendor;
        return new IncidentDetails(incident,
            CanEdit: open && current.Has(Roles.SecurityLead),
            CanPropose: open && PolicyProposalService.Proposers.Any(current.Has),
            CanOpenCases: CaseAccess.Readers.Any(current.Has));
    }

    /// <summary>Open incidents, newest first, that a case could be added to.</summary>
    public async Task<IReadOnlyList<IncidentChoice>> OpenIncidentsAsync(StaffActor actor, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Incidents.AsNoTracking().Where(i => i.Status == IncidentStatus.Open).OrderByDescending(i => i.OpenedAt).Take(50)
            .Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        return [.. rows.Select(r => new IncidentChoice(r.Id, Reference(r.Id), r.Title))];
    }

    public async Task<IReadOnlyList<CaseIncident>> ForCaseAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Incidents.AsNoTracking().Where(i => i.Cases.Any(c => c.CaseId == caseId)).OrderBy(i => i.OpenedAt)
            .Select(i => new { i.Id, i.Title, i.Status }).ToListAsync(ct);
        return [.. rows.Select(r => new CaseIncident(r.Id, Reference(r.Id), r.Title, r.Status))];
    }

    /// <summary>Titles by id, for pages that name the incident a policy version came from.</summary>
    public async Task<IReadOnlyDictionary<Guid, IncidentChoice>> NamesAsync(StaffActor actor, IReadOnlyCollection<Guid> ids, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        if (ids.Count == 0)
        {
            return new Dictionary<Guid, IncidentChoice>();
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.Incidents.AsNoTracking().Where(i => ids.Contains(i.Id)).Select(i => new { i.Id, i.Title }).ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new IncidentChoice(r.Id, Reference(r.Id), r.Title));
    }

    private static string Reference(Guid id) => $"IR-{id.ToString("N")[..8].ToUpperInvariant()}";

    private Task ChangeAsync(StaffActor actor, Guid incidentId, string action, Guid? caseId,
        Func<IncidentContext, Incident, Task<AuditRecord>> change, CancellationToken ct)
    {
        var refusal = new AuditRecord(actor, action, AuditRecord.Refused, caseId, Details: new Dictionary<string, string?> { ["incident"] = incidentId.ToString() });
        return writer.ChangeAsync(actor, Leads, refusal, async context =>
        {
            var incident = await context.Db.Incidents.SingleOrDefaultAsync(i => i.Id == incidentId, ct)
                ?? throw new IncidentRuleException("There is no such incident.");
            var record = await change(context, incident);
            return new IncidentChange<bool>(true, record, Changed(incident));
        }, ct);
    }

    /// <summary>Reads the case through its own service, so the case rules on who may read it apply here too.</summary>
    private async Task<IncidentCase> SnapshotAsync(IncidentContext context, Guid caseId, CancellationToken ct)
    {
        RecoveryCase recoveryCase;
        try
        {
            recoveryCase = (await cases.GetAsync(context.Actor, caseId, ct)).Case;
        }
        catch (CaseRuleException ex)
        {
            throw new IncidentRuleException(ex.Message);
        }

        return new IncidentCase
        {
            CaseId = recoveryCase.Id,
            Reference = recoveryCase.Reference,
            SubjectId = recoveryCase.SubjectId,
            SubjectName = recoveryCase.SubjectDisplayName,
            SubjectUsername = recoveryCase.SubjectUsername,
            TierId = recoveryCase.TierId,
            PolicyVersion = recoveryCase.PolicyVersion,
            StatusWhenAdded = recoveryCase.Status.ToString(),
            AddedAt = context.Now,
        };
    }

    private static ConsoleEvent Changed(Incident incident) => new(ConsoleTopic.IncidentChanged, ItemId: incident.Id);

    private static AuditRecord Audit(StaffActor actor, string action, Incident incident, Guid? caseId, string? subjectId, Dictionary<string, string?> details)
    {
        details["incident"] = incident.Id.ToString();
        details["reference"] = incident.Reference;
        details["status"] = incident.Status.ToString();
        details["caseCount"] = incident.Cases.Count.ToString(CultureInfo.InvariantCulture);
        return new AuditRecord(actor, action, AuditRecord.Succeeded, caseId, subjectId, details);
    }
}
