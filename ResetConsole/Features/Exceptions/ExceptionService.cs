using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Alerts;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Policy;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Policy;

namespace ResetConsole.Features.Exceptions;

/// <summary>
/// Documented exceptions: an agent asks, someone the policy names grants (or denies) for a bounded time, a security
/// lead may revoke, and a different security lead reviews every grant. Each call re-checks the person against the
/// staff record and the case against the database, whatever the screen showed; each change is audited with the
/// case change it makes (the waived step) in one transaction.
/// </summary>
public sealed class ExceptionService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseWriter writer,
    WriteGate gate,
    IPolicyCatalog policies,
    IAuditLog audit,
    SecurityAlerts alerts,
    ConsoleEventHub hub,
    TimeProvider time,
    ILogger<ExceptionService> logger)
{
    public static readonly string[] Readers = [Roles.SecurityLead, Roles.Auditor];

    private static readonly StaffActor System = new("resetconsole", "system", "ResetConsole", null, new HashSet<string>(), false, null);

    /// <summary>The exception types the case's policy documents for its tier and its pending steps.</summary>
    public async Task<IReadOnlyList<ExceptionOption>> OptionsAsync(StaffActor actor, Guid caseId, CancellationToken ct = default) =>
        (await ReadAsync(actor, caseId, withOptions: true, ct)).Options;

    /// <summary>The case's exceptions as the actor may see them (none for an agent who is not the case's opener).</summary>
    public async Task<IReadOnlyList<ExceptionView>> ForCaseAsync(StaffActor actor, Guid caseId, CancellationToken ct = default) =>
        (await ReadAsync(actor, caseId, withOptions: false, ct)).Exceptions;

    /// <summary>Both, for the case page's panel: one staff check, one case read, one read of the grants.</summary>
    public Task<CaseExceptions> PanelAsync(StaffActor actor, Guid caseId, CancellationToken ct = default) =>
        ReadAsync(actor, caseId, withOptions: true, ct);

    private async Task<CaseExceptions> ReadAsync(StaffActor actor, Guid caseId, bool withOptions, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var current = await StaffAccess.RequireAsync(db, actor, CaseAccess.Readers, ct);
        var recoveryCase = await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Include(c => c.Steps).SingleOrDefaultAsync(c => c.Id == caseId, ct);
        return recoveryCase is null ? CaseExceptions.None : await ReadAsync(db, current, recoveryCase, withOptions, ct);
    }

    // Compiled once: every case page reads it as it opens.
    private static readonly Func<AppDbContext, Guid, IAsyncEnumerable<ExceptionGrant>> GrantsOfCase =
        EF.CompileAsyncQuery<AppDbContext, Guid, ExceptionGrant>((db, caseId) => db.ExceptionGrants.AsNoTracking().Where(e => e.CaseId == caseId).OrderBy(e => e.RequestedAt));

    /// <summary>
    /// The panel for a caller that has just checked <paramref name="current"/> and read the case with its steps on
    /// <paramref name="db"/> (the case page's own read): only the grants are read here.
    /// </summary>

    internal async Task<CaseExceptions> ReadAsync(AppDbContext db, StaffActor current, RecoveryCase recoveryCase, bool withOptions, CancellationToken ct)
    {
        var mayList = current.Id == recoveryCase.OpenedById || current.Has(Roles.Supervisor) || Readers.Any(current.Has);
        var mayAsk = withOptions && CaseAccess.IsOpener(current, recoveryCase) && current.Has(Roles.Agent)
            && recoveryCase.Status == CaseStatus.Verifying;
        if (!mayList && !mayAsk)
        {
            return CaseExceptions.None;
        }

        var grants = await GrantsOfCase(db, recoveryCase.Id).ToListAsync(ct);
        IReadOnlyList<ExceptionOption> options = [];
        if (mayAsk)
        {
            var open = grants.Where(e => e.Status is ExceptionStatus.Requested or ExceptionStatus.Active).Select(e => e.StepId).ToHashSet();
            var policy = await policies.GetVersionAsync(recoveryCase.PolicyVersion, ct);
            options = [.. from step in recoveryCase.Steps.Where(s => s.Status == StepStatus.Pending && !open.Contains(s.Id)).OrderBy(s => s.Order)
                          from type in policy.Definition.ExceptionTypes
                          where (type.TierIds.Count == 0 || type.TierIds.Contains(recoveryCase.TierId)) && type.MayWaive.Any(step.Allows)
                          select new ExceptionOption(type.Id, type.Title, type.Description, step.Id,
                              string.Join(" or ", step.Options.Select(o => PolicyNames<StepKind>.Name(o.Kind))), type.MaxDuration, type.GrantedBy)];
        }

        return new CaseExceptions(mayList ? [.. grants.Select(g => View(g, current))] : [], options);
    }

    /// <summary>The case's agent asks for a documented exception on one pending step, with a reason and evidence.</summary>
    public Task<Guid> RequestAsync(StaffActor actor, Guid caseId, Guid stepId, string typeId, string reason, string evidence, CancellationToken ct = default) =>
        writer.ChangeAsync(actor, caseId, [Roles.Agent], "exception.request", async context =>
        {
            CaseAccess.EnsureWorker(context.Actor, context.Case);
            var step = context.Case.Step(stepId);
            if (await context.Db.ExceptionGrants.AnyAsync(e => e.StepId == stepId && (e.Status == ExceptionStatus.Requested || e.Status == ExceptionStatus.Active), ct))
            {
                throw new CaseRuleException("An exception is already asked for or active on this step.");
            }

            var policy = await policies.GetVersionAsync(context.Case.PolicyVersion, ct);
            var type = policy.Definition.ExceptionTypes.FirstOrDefault(t => t.Id == typeId)
                ?? throw new CaseRuleException($"The policy (version {context.Case.PolicyVersion}) documents no exception '{typeId}'.");
            var grant = ExceptionGrant.Request(context.Case, step, type, reason, evidence, context.Actor.Id, context.Actor.Name, context.Now);
            context.Db.ExceptionGrants.Add(grant);
            return (grant.Id, new CaseChange(Audit(context.Actor, "exception.requested", grant, new()
            {
                ["reason"] = grant.Reason,
                ["evidence"] = grant.Evidence,
            }), Changed(grant)));
        }, ct);

    /// <summary>
    /// Grants a requested exception for <paramref name="duration"/>: the step is waived until the end time and the
    /// review clock starts. Only roles the type names, never a vendor, never the requester or anyone who worked the
    /// case, and not while the granter's overdue reviews exceed the policy's limit.
    /// </summary>
    public Task GrantAsync(StaffActor actor, Guid exceptionId, TimeSpan duration, string? note, CancellationToken ct = default) =>
        DecideAsync(actor, exceptionId, "exception.grant", async (context, grant) =>
        {
            var overdue = await context.Db.ExceptionGrants.CountAsync(e => e.DecidedById == context.Actor.Id && e.CountsAgainstReviewLimit
                && e.ReviewedAt == null && e.ReviewDueAt <= context.Now, ct);
            var limit = (await policies.GetActiveAsync(ct)).Policy.Definition.MaxOverdueReviewsPerGranter;
            if (overdue > limit)
            {
                throw new CaseRuleException(
                    $"You have {overdue} overdue exception review{(overdue == 1 ? "" : "s")} of your grants; the policy allows {limit}. They must be reviewed before you grant another.");
            }

            grant.Grant(context.Actor.Id, context.Actor.Name, duration, note, context.Now);
            await DailyTally.AddAsync(context.Db,
                [(DailyTally.Day(context.Now), DailyTally.ExceptionGrantedType, grant.TypeTitle, 1), (DailyTally.Day(context.Now), DailyTally.ExceptionGrantedBy, context.Actor.Name, 1)], ct);
            context.Case.WaiveStep(grant.StepId, grant.Id, grant.EndsAt!.Value, new StepEvidence(grant.WaivedKind, true,
                $"waived by exception '{grant.TypeTitle}' granted by {context.Actor.Name} until {grant.EndsAt:yyyy-MM-dd HH:mm} UTC",
                grant.Id.ToString(), context.Actor.Id, context.Actor.Name, context.Now), context.Now);
            return Audit(context.Actor, "exception.granted", grant, new()
            {
                ["duration"] = PolicyDuration.Format(duration),
                ["endsAt"] = grant.EndsAt?.ToString("O"),
                ["reviewDueAt"] = grant.ReviewDueAt?.ToString("O"),
                ["requestedBy"] = grant.RequestedById,
                ["note"] = grant.DecisionNote,
                ["caseStatus"] = context.Case.Status.ToString(),
            });
        }, ct);

    public Task DenyAsync(StaffActor actor, Guid exceptionId, string reason, CancellationToken ct = default) =>
        DecideAsync(actor, exceptionId, "exception.deny", (context, grant) =>
        {
            grant.Deny(context.Actor.Id, context.Actor.Name, reason, context.Now);
            return Task.FromResult(Audit(context.Actor, "exception.denied", grant, new() { ["reason"] = grant.DecisionNote }));
        }, ct);

    /// <summary>A security lead ends an active exception early; a case relying on it must be verified again.</summary>
    public Task RevokeAsync(StaffActor actor, Guid exceptionId, string reason, CancellationToken ct = default) =>
        OnGrantAsync(actor, exceptionId, [Roles.SecurityLead], "exception.revoke", async (context, grant) =>
        {
            grant.Revoke(context.Actor.Id, context.Actor.Name, reason, context.Now);
            var reverify = context.Case.LapseWaiver(grant.Id, "was revoked", context.Now);
            return Audit(context.Actor, "exception.revoked", grant, new()
            {
                ["reason"] = grant.EndReason,
                ["caseReverify"] = reverify ? "true" : "false",
                ["caseStatus"] = context.Case.Status.ToString(),
            });
        }, ct);

    /// <summary>A security lead other than the granter (and the requester) records the review of a granted exception.</summary>
    public Task ReviewAsync(StaffActor actor, Guid exceptionId, ReviewOutcome outcome, string findings, CancellationToken ct = default) =>
        OnGrantAsync(actor, exceptionId, [Roles.SecurityLead], "exception.review", (context, grant) =>
        {
            if (context.Actor.IsVendor)
            {
                throw new AccessRefusedException("A vendor account can never review an exception.");
            }

            grant.Review(context.Actor.Id, context.Actor.Name, outcome, findings, context.Now);
            return Task.FromResult(Audit(context.Actor, "exception.reviewed", grant, new()
            {
                ["outcome"] = outcome.ToString(),
                ["findings"] = grant.ReviewFindings,
                ["overdue"] = grant.ReviewDueAt <= context.Now ? "true" : "false",
            }));
        }, ct);

    /// <summary>
    /// Ends exceptions past their end time (also those that ended while the server was down), withdraws requests
    /// that can no longer be granted, and raises one alert per review that went overdue. Returns how many changed.
    /// </summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<Guid> due;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            due = await db.ExceptionGrants.AsNoTracking()
                .Where(e => (e.Status == ExceptionStatus.Active && e.EndsAt <= now)
                    || (e.ReviewedAt == null && e.ReviewDueAt <= now && e.ReviewOverdueAlertedAt == null)
                    || (e.Status == ExceptionStatus.Requested && db.RecoveryCases.Any(c => c.Id == e.CaseId && c.Status != CaseStatus.Verifying)))
                .OrderBy(e => e.EndsAt).Select(e => e.Id).ToListAsync(ct);
        }

        foreach (var id in due)
        {
            await SweepOneAsync(id, now, ct);
        }

        return due.Count;
    }

    private async Task SweepOneAsync(Guid exceptionId, DateTimeOffset now, CancellationToken ct)
    {
        ExceptionGrant grant;
        IReadOnlyList<SecurityAlert> raised = [];
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            grant = await db.ExceptionGrants.SingleAsync(e => e.Id == exceptionId, ct);
            var recoveryCase = await db.RecoveryCases.SingleAsync(c => c.Id == grant.CaseId, ct);
            var records = new List<AuditRecord>();
            if (grant.ExpireIfDue(now))
            {
                var reverify = recoveryCase.LapseWaiver(grant.Id, "expired", now);
                records.Add(Audit(System, "exception.expired", grant, new()
                {
                    ["endedAt"] = grant.EndedAt?.ToString("O"),
                    ["caseReverify"] = reverify ? "true" : "false",
                    ["caseStatus"] = recoveryCase.Status.ToString(),
                }));
                SecurityLog.ExceptionEnded(logger, grant.Id, grant.CaseId, grant.Status.ToString());
            }

            if (grant.Status == ExceptionStatus.Requested && (recoveryCase.Status != CaseStatus.Verifying || recoveryCase.Step(grant.StepId).Status != StepStatus.Pending))
            {
                grant.Withdraw($"the case is {recoveryCase.Status.Label().ToLowerInvariant()}", now);
                records.Add(Audit(System, "exception.withdrawn", grant, new() { ["reason"] = grant.EndReason }));
            }

            if (grant.IsReviewOverdue(now) && grant.ReviewOverdueAlertedAt is null)
            {
                grant.ReviewOverdueAlertedAt = now;
                var overdue = Audit(System, "exception.review-overdue", grant, new()
                {
                    ["reviewDueAt"] = grant.ReviewDueAt?.ToString("O"),
                    ["grantedBy"] = grant.DecidedById,
                });
                records.Add(overdue);
            }

            if (records.Count == 0)
            {
                return;
            }

            var staged = new List<SecurityAlert>();
            foreach (var record in records)
            {
                await audit.AppendAsync(db, record, ct);
                staged.AddRange(alerts.Stage(db, record, recoveryCase));
            }

            raised = staged;
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, grant.CaseId, grant.SubjectId));
        hub.Publish(new ConsoleEvent(ConsoleTopic.ExceptionChanged, grant.CaseId, grant.SubjectId, grant.Id));
        alerts.Announce(raised);
    }

    private Task DecideAsync(StaffActor actor, Guid exceptionId, string action, Func<CaseContext, ExceptionGrant, Task<AuditRecord>> decide, CancellationToken ct) =>
        OnGrantAsync(actor, exceptionId, PolicyRoles.Deciders, action, async (context, grant) =>
        {
            if (context.Actor.IsVendor)
            {
                throw new AccessRefusedException("A vendor account can never grant or deny an exception.");
            }

            if (!grant.GrantedByRoles.Any(context.Actor.Has))
            {
                throw new AccessRefusedException($"Only {string.Join(" or ", grant.GrantedByRoles)} may decide '{grant.TypeTitle}'.");
            }

            if (grant.RequestedById == context.Actor.Id || CaseAccess.IsOpener(context.Actor, context.Case) || context.Case.VerifierIds.Contains(context.Actor.Id))
            {
                throw new CaseRuleException("You worked on this case; someone else must decide its exception.");
            }

            if (context.Actor.Username is { } username && string.Equals(username, context.Case.SubjectUsername, StringComparison.OrdinalIgnoreCase))
            {
                throw new CaseRuleException("This is your own account; someone else must decide its exception.");
            }

            return await decide(context, grant);
        }, ct);

    private async Task OnGrantAsync(StaffActor actor, Guid exceptionId, IReadOnlyCollection<string> roles, string action,
        Func<CaseContext, ExceptionGrant, Task<AuditRecord>> change, CancellationToken ct)
    {
        Guid caseId;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            caseId = await db.ExceptionGrants.AsNoTracking().Where(e => e.Id == exceptionId).Select(e => (Guid?)e.CaseId).SingleOrDefaultAsync(ct)
                ?? throw new CaseRuleException("There is no such exception.");
        }

        await writer.ChangeAsync(actor, caseId, roles, action, async context =>
        {
            // Read inside the write gate: a second decision on the same exception sees the first and is refused.
            var grant = await context.Db.ExceptionGrants.SingleAsync(e => e.Id == exceptionId, ct);
            var record = await change(context, grant);
            return new CaseChange(record, Changed(grant));
        }, ct);
    }

    private Func<Task> Changed(ExceptionGrant grant) => () =>
    {
        hub.Publish(new ConsoleEvent(ConsoleTopic.ExceptionChanged, grant.CaseId, grant.SubjectId, grant.Id));
        return Task.CompletedTask;
    };

    private static AuditRecord Audit(StaffActor actor, string action, ExceptionGrant grant, Dictionary<string, string?> details)
    {
        details["exception"] = grant.Id.ToString();
        details["type"] = grant.TypeId;
        details["step"] = grant.StepId.ToString();
        details["waives"] = grant.WaivedKind.ToString();
        details["status"] = grant.Status.ToString();
        details["policyVersion"] = grant.PolicyVersion.ToString(CultureInfo.InvariantCulture);
        return new AuditRecord(actor, action, AuditRecord.Succeeded, grant.CaseId, grant.SubjectId, details);
    }

    internal static ExceptionView View(ExceptionGrant g, StaffActor reader) => new(
        g.Id, g.CaseId, g.CaseReference, g.SubjectDisplayName, g.TierId, g.TypeTitle, g.StepDescription, g.WaivedKind, g.Status, g.Reason, g.Evidence,
        g.RequestedByName, g.RequestedAt, g.DecidedByName, g.DecidedAt, g.DecisionNote, g.EndsAt, g.EndedAt, g.EndedByName, g.EndReason, g.MaxDuration,
        g.ReviewDueAt, g.ReviewedAt, g.ReviewedByName, g.ReviewOutcome, g.ReviewFindings,
        CanDecide: g.Status == ExceptionStatus.Requested && !reader.IsVendor && g.GrantedByRoles.Any(reader.Has) && g.RequestedById != reader.Id,
        CanRevoke: g.Status == ExceptionStatus.Active && reader.Has(Roles.SecurityLead),
        CanReview: g.NeedsReview && reader.Has(Roles.SecurityLead) && !reader.IsVendor && g.DecidedById != reader.Id && g.RequestedById != reader.Id);
}
