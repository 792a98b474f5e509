using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Exceptions;
using ResetConsole.Features.Policy;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

/// <summary>
/// Opens recovery cases and moves them through intake, freeze, release, abandonment and submission. Each method
/// takes the acting person and re-checks them against current data; the pages only decide what to show.
/// </summary>
public sealed class CaseService(
    IDbContextFactory<AppDbContext> dbFactory,
    WriteGate gate,
    StaffAccess access,
    IDirectoryConnector directory,
    IPolicyCatalog policies,
    CaseHistory history,
    CaseWriter writer,
    ExceptionService exceptions,
    SubjectProtector protector,
    IAuditLog audit,
    SecurityAlerts alerts,
    ConsoleEventHub hub,
    TimeProvider time,
    ILogger<CaseService> logger)
{
    public async Task<Guid> OpenAsync(StaffActor actor, OpenCaseRequest request, CancellationToken ct = default)
    {
        StaffActor current = actor;
        try
        {
            current = await access.RequireAsync(actor, [Roles.Agent], ct);
            if (string.IsNullOrWhiteSpace(request.TicketReference))
            {
                throw new CaseRuleException("A ticket reference is required.");
            }

            var subject = await directory.FindAsync(request.SubjectId, ct) ?? throw new CaseRuleException("The directory has no such account.");
            if (current.Username is { } username && string.Equals(username, subject.Username, StringComparison.OrdinalIgnoreCase))
            {
                throw new CaseRuleException("You cannot open a recovery case for your own account.");
            }

            using var _ = await gate.EnterAsync(ct);
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var now = time.GetUtcNow();
            await EnsureNoOpenCaseAsync(db, subject.Id, request.Action, ct);
            if (await SubjectProtector.ActiveAsync(db, subject.Id, now, ct) is { } protection)
            {
                throw new CaseRuleException($"This account is protected from recovery until {protection.Until:yyyy-MM-dd HH:mm} UTC after a suspected social-engineering attempt; a security lead can release it.");
            }

            var active = await policies.GetActiveAsync(ct);
            var recent = await history.ReadAsync(db, subject.Id, current.Id, now, ct);
            var decision = active.Policy.Evaluate(subject, request.Action, new RequestContext(request.Channel, current.Id, current.IsVendor, now, recent));
            var recoveryCase = RecoveryCase.Open(new CaseOpening(subject, request.TicketReference, request.Channel, current.Id, current.Name,
                current.IsVendor ? current.VendorName ?? "vendor" : null, decision, active.Version, now));
            db.RecoveryCases.Add(recoveryCase);
            var opened = new AuditRecord(current, "case.opened", AuditRecord.Succeeded, recoveryCase.Id, subject.Id, new Dictionary<string, string?>
            {
                ["ticket"] = recoveryCase.TicketReference,
                ["channel"] = PolicyNames<RequestChannel>.Name(request.Channel),
                ["action"] = PolicyNames<RequestedAction>.Name(recoveryCase.EffectiveAction),
                ["tier"] = recoveryCase.TierId,
                ["reasons"] = string.Join("; ", recoveryCase.Reasons.Select(r => r.Text)),
                ["signals"] = string.Join("; ", recoveryCase.Signals.Select(s => s.RuleId)),
                ["policyVersion"] = active.Version.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["policySha256"] = active.Sha256,
            });
            await audit.AppendAsync(db, opened, ct);
            await DailyTally.AddOpeningAsync(db, recoveryCase, ct);
            var raised = alerts.StageOpening(db, opened, recoveryCase, active.Policy.Definition);
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            CaseLog.Opened(logger, recoveryCase.Id, recoveryCase.TierId, current.Id);
            hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, recoveryCase.Id, subject.Id));
            alerts.Announce(raised);
            return recoveryCase.Id;
        }
        catch (Exception ex) when (ex is CaseRuleException or AccessRefusedException or OpenCaseConflictException)
        {
            await audit.AppendAloneAsync(new AuditRecord(current, "case.open", AuditRecord.Refused, SubjectId: request.SubjectId,
                Details: new Dictionary<string, string?> { ["reason"] = ex.Message }), CancellationToken.None);
            throw;
        }
    }

    public async Task<CaseDetails> GetAsync(StaffActor actor, Guid caseId, CancellationToken ct = default) =>
        (await LoadAsync(actor, caseId, ct)).Details;

    // The case page's reads, compiled once: every agent's page runs them as it opens, thousands at once after a restart
    // (docs/performance.md, "The case page's open").
    private static readonly Func<AppDbContext, Guid, CancellationToken, Task<RecoveryCase?>> CaseToRead =
        EF.CompileAsyncQuery((AppDbContext db, Guid caseId, CancellationToken ct) => db.RecoveryCases.AsNoTracking().SingleOrDefault(c => c.Id == caseId));

    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<ChallengeView>> ChallengesOfCase =
        EF.CompileAsyncQuery<AppDbContext, Guid, ChallengeView>((db, caseId) => db.VerificationChallenges.AsNoTracking()
            .Where(c => c.CaseId == caseId).OrderBy(c => c.CreatedAt)
            .Select(c => new ChallengeView(c.Id, c.StepId, c.Kind, c.TargetLabel, c.Status, c.ExpiresAt, c.FailedAttempts, c.RespondedByName, c.Reference)));

    /// <summary>The case as the actor may see it, and the directory's record of its subject (null once it left).</summary>
    private async Task<(CaseDetails Details, Subject? Subject)> LoadAsync(StaffActor actor, Guid caseId, CancellationToken ct)
    {
        var asOf = hub.Sequence;
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await StaffAccess.RequireAsync(db, actor, CaseAccess.Readers, ct);
        var recoveryCase = await CaseToRead(db, caseId, ct) ?? throw new CaseRuleException("There is no such case.");
        if (!CaseAccess.CanRead(current, recoveryCase))
        {
            throw new AccessRefusedException("Agents can open only their own cases.");
        }

        var now = time.GetUtcNow();
        var challenges = await ChallengesOfCase(db, caseId).ToListAsync(ct);
        var protection = await SubjectProtector.ActiveAsync(db, recoveryCase.SubjectId, now, ct);
        var subject = await directory.FindAsync(recoveryCase.SubjectId, ct);
        var canWork = current.Has(Roles.Agent) && CaseAccess.IsOpener(current, recoveryCase);
        var callbackPending = canWork && recoveryCase.Steps.Any(s => s.Status == StepStatus.Pending && s.Allows(StepKind.Callback));
        var callbackNumber = callbackPending && subject is not null ? (await Verification.CallbackTargets.PhoneOfRecordAsync(subject, directory, ct))?.Value : null;
        var caseExceptions = await exceptions.ReadAsync(db, current, recoveryCase, withOptions: true, ct);
        return (new CaseDetails(recoveryCase, View(subject, recoveryCase, callbackNumber), challenges, protection, canWork,
            CaseAccess.IsOpener(current, recoveryCase) || current.Has(Roles.Supervisor) || current.Has(Roles.SecurityLead),
            current.Has(Roles.SecurityLead), now)
        {
            CanRetry = current.Has(Roles.Supervisor) || current.Has(Roles.SecurityLead),
            Exceptions = caseExceptions,
            AsOf = asOf,
        }, subject);
    }

    public async Task<CaseListPage> ListAsync(StaffActor actor, CaseListQuery query, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, CaseAccess.Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes();
        var seesAll = current.Has(Roles.Supervisor) || current.Has(Roles.SecurityLead) || current.Has(Roles.Auditor);
        cases = query.Scope == CaseScope.Mine || !seesAll
            ? cases.Where(c => c.OpenedById == current.Id)
            : cases.Where(c => c.Status != CaseStatus.Completed && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Abandoned);
        if (query.Status is { } status)
        {
            cases = cases.Where(c => c.Status == status);
        }

        if (!string.IsNullOrEmpty(query.TierId))
        {
            cases = cases.Where(c => c.TierId == query.TierId);
        }

        var total = await cases.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var items = await cases.OrderByDescending(c => c.OpenedAt).Skip(Math.Max(0, query.Page) * pageSize).Take(pageSize)
            .Select(c => new CaseSummary(c.Id, "", c.SubjectDisplayName, c.SubjectUsername, c.EffectiveAction, c.TierId, c.TierName, c.TierRank,
                c.TierIsNonHuman, c.Status, c.OpenedByName, c.OpenedAt, c.TicketReference))
            .ToListAsync(ct);
        return new CaseListPage(items.Select(i => i with { Reference = $"RC-{i.Id.ToString("N")[..8].ToUpperInvariant()}" }).ToList(), total);
    }

    /// <summary>
    /// Re-reads the account and re-evaluates the case under its policy version: new signals add steps, a lapsed
    /// verification must be done again. Run when the case page opens and before submission. Returns the case as it
    /// stands afterwards, so a page opening needs no second read when nothing changed.
    /// </summary>
    public async Task<CaseDetails> RefreshAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        var (snapshot, found) = await LoadAsync(actor, caseId, ct);
        if (snapshot.Case.Status is not (CaseStatus.Verifying or CaseStatus.Verified or CaseStatus.AwaitingApproval))
        {
            return snapshot;
        }

        var subject = found ?? throw new CaseRuleException("The account is no longer in the directory.");
        var policy = await policies.GetVersionAsync(snapshot.Case.PolicyVersion, ct);
        var now = time.GetUtcNow();
        await using (var read = await dbFactory.CreateDbContextAsync(ct))
        {
            var recent = await history.ReadAsync(read, subject.Id, agentId: null, now, ct);
            var decision = policy.Evaluate(subject, snapshot.Case.RequestedAction,
                new RequestContext(snapshot.Case.Channel, snapshot.Case.OpenedById, snapshot.Case.OpenedByVendor is not null, now, recent));
            var lapsed = snapshot.Case.Status == CaseStatus.Verified && snapshot.Case.VerifiedUntil <= now;
            var reevaluated = WouldChange(snapshot.Case, decision);
            if (!lapsed && !reevaluated)
            {
                return snapshot;
            }

            await writer.ChangeAsync(actor, caseId, CaseAccess.Readers, "case.refresh", context =>
            {
                var expired = context.Case.ExpireVerificationIfDue(context.Now);
                if (decision.Tier.Rank > context.Case.TierRank && !decision.Vendor.Allowed)
                {
                    // Stepped up beyond what this (vendor) agent may handle: an internal agent must take it from here.
                    context.Case.Abandon($"Handed back: {decision.Vendor.Reason}", context.Now);
                    return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, "case.handed-back", AuditRecord.Succeeded, caseId,
                        context.Case.SubjectId, new Dictionary<string, string?> { ["reason"] = decision.Vendor.Reason })));
                }

                var changed = context.Case.ApplyReevaluation(decision, context.Now);
                var action = changed ? "case.stepped-up" : expired ? "case.verification-lapsed" : "case.refreshed";
                return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, action, AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                    new Dictionary<string, string?> { ["tier"] = context.Case.TierId, ["signals"] = string.Join("; ", context.Case.Signals.Select(s => s.RuleId)) })));
            }, ct);
        }

        return await GetAsync(actor, caseId, ct);
    }

    public Task FreezeAsync(StaffActor actor, Guid caseId, string reason, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, CaseAccess.Freezers, "case.freeze", async context =>
        {
            CaseAccess.EnsureCanFreeze(context.Actor, context.Case);
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw new CaseRuleException("A reason is required.");
            }

            context.Case.Freeze($"Suspected social engineering: {reason.Trim()}", context.Actor.Id, context.Now);

            var protection = await protector.ProtectAsync(context.Db, context.Case, context.Now, ct);
            CaseLog.Frozen(logger, caseId, context.Actor.Id);
            return new CaseChange(new AuditRecord(context.Actor, "case.frozen", AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                new Dictionary<string, string?> { ["reason"] = context.Case.FrozenReason, ["protectedUntil"] = protection.Until.ToString("O") }));
        }, ct);

    public Task ReleaseAsync(StaffActor actor, Guid caseId, string reason, bool liftProtection, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.SecurityLead], "case.release", async context =>
        {
            context.Case.Release(reason, context.Now);
            if (liftProtection && await SubjectProtector.ActiveAsync(context.Db, context.Case.SubjectId, context.Now, ct) is { } protection)
            {
                protection.ReleasedAt = context.Now;
                protection.ReleasedById = context.Actor.Id;
                protection.ReleaseReason = reason.Trim();
            }

            return new CaseChange(new AuditRecord(context.Actor, "case.released", AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                new Dictionary<string, string?> { ["reason"] = reason.Trim(), ["protectionLifted"] = liftProtection ? "true" : "false" }));
        }, ct);

    public Task AbandonAsync(StaffActor actor, Guid caseId, string reason, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent, Roles.Supervisor], "case.abandon", context =>
        {
            if (!CaseAccess.IsOpener(context.Actor, context.Case) && !context.Actor.Has(Roles.Supervisor))
            {
                throw new AccessRefusedException("Only the case's agent or a supervisor can abandon it.");
            }

            context.Case.Abandon(reason, context.Now);
            return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, "case.abandoned", AuditRecord.Succeeded, caseId,
                context.Case.SubjectId, new Dictionary<string, string?> { ["reason"] = reason.Trim() })));
        }, ct);

    public async Task SubmitForApprovalAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        await RefreshAsync(actor, caseId, ct);
        await writer.ChangeAsync(actor, caseId, [Roles.Agent], "case.submit", context =>
        {
            CaseAccess.EnsureWorker(context.Actor, context.Case);
            context.Case.SubmitForApproval(context.Now);
            return Task.FromResult(new CaseChange(new AuditRecord(context.Actor, "case.submitted", AuditRecord.Succeeded, caseId, context.Case.SubjectId,
                new Dictionary<string, string?>
                {
                    ["queue"] = context.Case.ApprovalQueue.ToString(),
                    ["required"] = context.Case.ApprovalsRequired.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    ["proofing"] = string.Join("; ", context.Case.Steps.SelectMany(s => s.Evidence.Where(e => e.Passed)).Select(e => e.Method)),
                })));
        }, ct);
    }

    private static bool WouldChange(RecoveryCase recoveryCase, PolicyDecision decision) =>
        decision.Tier.Rank > recoveryCase.TierRank
        || decision.Signals.Any(s => recoveryCase.Signals.All(existing => existing.RuleId != s.Id))
        || decision.Steps.Any(s => recoveryCase.Steps.All(existing => existing.PolicyStepId != s.Id));

    private static async Task EnsureNoOpenCaseAsync(AppDbContext db, string subjectId, RequestedAction action, CancellationToken ct)
    {
        var open = await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
            .Where(c => c.SubjectId == subjectId && (c.RequestedAction == action || c.EffectiveAction == action)
                && c.Status != CaseStatus.Completed && c.Status != CaseStatus.Rejected && c.Status != CaseStatus.Abandoned)
            .Select(c => new { c.Id }).FirstOrDefaultAsync(ct);
        if (open is not null)
        {
            throw new OpenCaseConflictException(open.Id, $"RC-{open.Id.ToString("N")[..8].ToUpperInvariant()}");
        }
    }

    private static CaseSubjectView View(Subject? subject, RecoveryCase recoveryCase, string? callbackNumber)
    {
        if (subject is null)
        {
            return new CaseSubjectView(recoveryCase.SubjectId, recoveryCase.SubjectDisplayName, recoveryCase.SubjectUsername, recoveryCase.SubjectKind,
                null, null, [], [], null);
        }

        return new CaseSubjectView(subject.Id, subject.DisplayName, subject.Username, subject.Kind, subject.ManagerName, subject.OwnerName,
            subject.Contacts.Select(c => new ContactChoice(c.Id, c.Kind, c.Masked)).ToList(),
            subject.Authenticators.Where(a => a.Kind == AuthenticatorKind.Push).Select(a => new DeviceChoice(a.Id, a.Label)).ToList(),
            callbackNumber);
    }
}
