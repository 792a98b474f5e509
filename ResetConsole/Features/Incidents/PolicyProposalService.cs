using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Incidents;

/// <summary>
/// Policy changes under four eyes: a policy admin or security lead proposes a whole new text (it must pass the checker
/// and the policy's test cases), and a different security lead approves it while the version it was drafted against
/// is still active. Approval stores the text as the next version, active for new cases only: open cases keep the
/// version they were opened under. Roles are the staff record's at the moment of each call.
/// </summary>
public sealed class PolicyProposalService(
    IDbContextFactory<AppDbContext> dbFactory,
    IncidentWriter writer,
    StaffAccess access,
    PolicyCatalog catalog,
    PolicyImpact impact,
    ILogger<PolicyProposalService> logger)
{
    public static readonly string[] Proposers = [Roles.PolicyAdmin, Roles.SecurityLead];
    public static readonly string[] Readers = [Roles.PolicyAdmin, Roles.SecurityLead, Roles.Auditor];

    /// <summary>A policy text is a few hundred lines; anything far beyond is a paste gone wrong.</summary>
    public const int MaxLength = 200_000;

    private static readonly string[] Approvers = [Roles.SecurityLead];

    /// <summary>What proposing this text would show, without storing anything: checker output, diff and before/after.</summary>
    public async Task<ProposalReview> PreviewAsync(StaffActor actor, string yaml, Guid? incidentId, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Proposers, ct);
        var text = Normalize(yaml);
        EnsureLength(text);
        var active = await catalog.GetActiveAsync(ct);
        return await ReviewAsync(text, active.Version, incidentId, ct);
    }

    public Task<Guid> ProposeAsync(StaffActor actor, ProposalDraft draft, CancellationToken ct = default)
    {
        var text = Normalize(draft.Yaml);
        var refusal = new AuditRecord(actor, "policy.propose", AuditRecord.Refused, Details: new Dictionary<string, string?>
        {
            ["incident"] = draft.IncidentId?.ToString(),
            ["sha256"] = PolicyText.Sha256(text),
        });
        return writer.ChangeAsync(actor, Proposers, refusal, async context =>
        {
            EnsureLength(text);
            var check = catalog.Check(text);
            if (!check.TestsPass)
            {
                throw new ProposalInvalidException(check);
            }

            if (draft.IncidentId is { } incidentId)
            {
                var incident = await context.Db.Incidents.AsNoTracking().SingleOrDefaultAsync(i => i.Id == incidentId, ct)
                    ?? throw new IncidentRuleException("There is no such incident.");
                incident.EnsureOpen();
            }

            var active = await ActiveAsync(context.Db, ct);
            var proposal = PolicyProposal.Propose(text, check.Sha256, draft.Reason, draft.IncidentId, active.Number, active.Sha256,
                context.Actor.Id, context.Actor.Name, context.Now);
            context.Db.PolicyProposals.Add(proposal);
            IncidentLog.Proposed(logger, proposal.Id, context.Actor.Id, active.Number);
            return new IncidentChange<Guid>(proposal.Id, Audit(context.Actor, "policy.proposed", proposal, new()
            {
                ["reason"] = proposal.Reason,
                ["testCases"] = check.TestResults.Count.ToString(CultureInfo.InvariantCulture),
            }), Changed(proposal));
        }, ct);
    }

    /// <summary>
    /// A security lead other than the proposer approves: the text becomes the next policy version, active for new
    /// cases. Refused when the active version moved on since the proposal was drafted, or when the text no longer
    /// passes the checker and the test cases.
    /// </summary>
    public Task<int> ApproveAsync(StaffActor actor, Guid proposalId, string? note, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, Approvers, Refusal(actor, "policy.approve", proposalId), async context =>
        {
            var proposal = await FindAsync(context.Db, proposalId, ct);
            var active = await ActiveAsync(context.Db, ct);
            if (proposal.WhyNotApprovable(context.Actor.Id, active.Number) is { } why)
            {
                throw new IncidentRuleException(why);
            }

            // The test cases on disk may have changed since the proposal; an invalid text never becomes active.
            var check = catalog.Check(proposal.Yaml);
            if (!check.TestsPass)
            {
                throw new ProposalInvalidException(check);
            }

            var number = await context.Db.PolicyVersions.MaxAsync(v => v.Number, ct) + 1;
            proposal.Approve(context.Actor.Id, context.Actor.Name, active.Number, number, note, context.Now);
            context.Db.PolicyVersions.Add(new PolicyVersion
            {
                Number = number,
                Sha256 = proposal.Sha256,
                Yaml = proposal.Yaml,
                AuthorId = proposal.ProposedById,
                AuthorName = proposal.ProposedByName,
                ApproverId = context.Actor.Id,
                ApproverName = context.Actor.Name,
                Reason = proposal.Reason,
                CreatedAt = proposal.ProposedAt,
                // The catalog takes the latest activation as active; never let a clock step back hide the new version.
                ActivatedAt = context.Now > active.ActivatedAt ? context.Now : active.ActivatedAt,
                ProposalId = proposal.Id,
                IncidentId = proposal.IncidentId,
            });
            IncidentLog.Activated(logger, number, proposal.Sha256, proposal.ProposedById, context.Actor.Id);
            return new IncidentChange<int>(number, Audit(context.Actor, "policy.approved", proposal, new()
            {
                ["activatedVersion"] = number.ToString(CultureInfo.InvariantCulture),
                ["previousVersion"] = active.Number.ToString(CultureInfo.InvariantCulture),
                ["proposedBy"] = proposal.ProposedById,
                ["note"] = proposal.DecisionNote,
            }), Changed(proposal), catalog.InvalidateActive);
        }, ct);

    public Task RejectAsync(StaffActor actor, Guid proposalId, string reason, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, Approvers, Refusal(actor, "policy.reject", proposalId), async context =>
        {
            var proposal = await FindAsync(context.Db, proposalId, ct);
            proposal.Reject(context.Actor.Id, context.Actor.Name, reason, context.Now);
            return new IncidentChange<bool>(true, Audit(context.Actor, "policy.rejected", proposal, new() { ["reason"] = proposal.DecisionNote }), Changed(proposal));
        }, ct);

    public Task WithdrawAsync(StaffActor actor, Guid proposalId, string? note, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, Proposers, Refusal(actor, "policy.withdraw", proposalId), async context =>
        {
            var proposal = await FindAsync(context.Db, proposalId, ct);
            proposal.Withdraw(context.Actor.Id, context.Actor.Name, note, context.Now);
            return new IncidentChange<bool>(true, Audit(context.Actor, "policy.withdrawn", proposal, new() { ["note"] = proposal.DecisionNote }), Changed(proposal));
        }, ct);

    public async Task<ProposalDetails> GetAsync(StaffActor actor, Guid proposalId, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposal = await db.PolicyProposals.AsNoTracking().SingleOrDefaultAsync(p => p.Id == proposalId, ct)
            ?? throw new IncidentRuleException("There is no such policy proposal.");
        var incident = proposal.IncidentId is { } id
            ? await db.Incidents.AsNoTracking().Where(i => i.Id == id).Select(i => new { i.Id, i.Title }).SingleOrDefaultAsync(ct)
            : null;
        var active = await catalog.GetActiveAsync(ct);
        var review = await ReviewAsync(proposal.Yaml, proposal.BaseVersion, proposal.IncidentId, ct);
        var why = proposal.WhyNotApprovable(current.Id, active.Version);
        return new ProposalDetails(proposal, incident is null ? null : $"IR-{incident.Id.ToString("N")[..8].ToUpperInvariant()}", incident?.Title, review,
            CanDecide: proposal.Status == ProposalStatus.Proposed && current.Has(Roles.SecurityLead) && !current.IsVendor && proposal.ProposedById != current.Id,
            CanWithdraw: proposal.Status == ProposalStatus.Proposed && proposal.ProposedById == current.Id,
            WhyNotApprovable: why);
    }

    /// <summary>Proposals newest first; those still waiting for a decision first of all.</summary>
    public async Task<IReadOnlyList<ProposalSummary>> ListAsync(StaffActor actor, Guid? incidentId = null, int take = 50, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var proposals = db.PolicyProposals.AsNoTracking();
        if (incidentId is { } id)
        {
            proposals = proposals.Where(p => p.IncidentId == id);
        }

        return await proposals.OrderBy(p => p.Status == ProposalStatus.Proposed ? 0 : 1).ThenByDescending(p => p.ProposedAt).Take(Math.Clamp(take, 1, 200))
            .Select(p => new ProposalSummary(p.Id, p.Status, p.Reason, p.ProposedByName, p.ProposedAt, p.BaseVersion, p.ActivatedVersion, p.IncidentId))
            .ToListAsync(ct);
    }

    private async Task<ProposalReview> ReviewAsync(string text, int baseVersion, Guid? incidentId, CancellationToken ct)
    {
        var check = catalog.Check(text);
        var active = await catalog.GetActiveAsync(ct);
        var diff = LineDiff.Compute(await catalog.GetTextAsync(baseVersion, ct), text);
        IReadOnlyList<ImpactRow> rows = [];
        if (check.IsValid && PolicyLoader.Load(text).Policy is { } proposed)
        {
            rows = await impact.CompareAsync(await catalog.GetVersionAsync(baseVersion, ct), proposed, await IncidentSubjectsAsync(incidentId, ct), ct);
        }

        return new ProposalReview(check, baseVersion, active.Version, diff, rows);
    }

    private async Task<IReadOnlyCollection<string>> IncidentSubjectsAsync(Guid? incidentId, CancellationToken ct)
    {
        if (incidentId is not { } id)
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Incidents.AsNoTracking().Where(i => i.Id == id).SelectMany(i => i.Cases.Select(c => c.SubjectId)).Distinct().ToListAsync(ct);
    }

    private static async Task<PolicyProposal> FindAsync(AppDbContext db, Guid proposalId, CancellationToken ct) =>
        await db.PolicyProposals.SingleOrDefaultAsync(p => p.Id == proposalId, ct) ?? throw new IncidentRuleException("There is no such policy proposal.");

    /// <summary>The active version read from the database inside the write gate, not the catalog's cache: the stale-base check must see the latest commit.</summary>
    private static async Task<(int Number, string Sha256, DateTimeOffset ActivatedAt)> ActiveAsync(AppDbContext db, CancellationToken ct)
    {
        var latest = await db.PolicyVersions.AsNoTracking().OrderByDescending(v => v.ActivatedAt).ThenByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Sha256, v.ActivatedAt }).FirstAsync(ct);
        return (latest.Number, latest.Sha256, latest.ActivatedAt);
    }

    private static void EnsureLength(string text)
    {
        if (text.Length > MaxLength)
        {
            throw new IncidentRuleException($"The policy text is limited to {MaxLength.ToString("N0", CultureInfo.InvariantCulture)} characters.");
        }
    }

    // Browsers send CR LF from a textarea; the stored text and its hash use LF like the shipped file.
    private static string Normalize(string? yaml) => (yaml ?? string.Empty).ReplaceLineEndings("\n");

    private static AuditRecord Refusal(StaffActor actor, string action, Guid proposalId) =>
        new(actor, action, AuditRecord.Refused, Details: new Dictionary<string, string?> { ["proposal"] = proposalId.ToString() });

    private static ConsoleEvent Changed(PolicyProposal proposal) => new(ConsoleTopic.PolicyChanged, ItemId: proposal.Id);

    private static AuditRecord Audit(StaffActor actor, string action, PolicyProposal proposal, Dictionary<string, string?> details)
    {
        details["proposal"] = proposal.Id.ToString();
        details["reference"] = proposal.Reference;
        details["incident"] = proposal.IncidentId?.ToString();
        details["baseVersion"] = proposal.BaseVersion.ToString(CultureInfo.InvariantCulture);
        details["sha256"] = proposal.Sha256;
        details["status"] = proposal.Status.ToString();
        return new AuditRecord(actor, action, AuditRecord.Succeeded, Details: details);
    }
}
