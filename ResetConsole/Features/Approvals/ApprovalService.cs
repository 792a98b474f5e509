using System.Globalization;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Subjects;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Cases;
using ResetConsole.Infrastructure.Events;
using ResetConsole.Notifications;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// The supervisor and security queues: who may see them, who may decide, exactly once, bound to what was reviewed;
/// and the sweep that escalates overdue items and sends lapsed approvals back to the queue.
/// </summary>
public sealed class ApprovalService(
    IDbContextFactory<AppDbContext> dbFactory,
    CaseWriter writer,
    StaffAccess access,
    IDirectoryConnector directory,
    INotificationSender sender,
    IAuditLog audit,
    WriteGate gate,
    ConsoleEventHub hub,
    QueueSnapshots snapshots,
    TimeProvider time,
    IOptions<ApprovalOptions> options,
    ILogger<ApprovalService> logger)
{
    public static readonly string[] QueueReaders = [Roles.Supervisor, Roles.SecurityLead, Roles.Auditor];
    private static readonly StaffActor System = new("resetconsole", "system", "ResetConsole", null, new HashSet<string>(), false, null);

    /// <summary>
    /// The queue page for a reader whose roles are checked now. The page itself is the shared one (see
    /// <see cref="QueueSnapshots"/>), read after the latest published change: supervisors opening the queue at once
    /// share one query, and nobody gets a page older than the last decision they could have seen.
    /// </summary>
    public async Task<QueuePage> QueueAsync(StaffActor actor, ApprovalQueue queue, QueueQuery query, CancellationToken ct = default)
    {
        await RequireReaderAsync(actor, queue, ct);
        return await snapshots.GetAsync(queue, query, hub.Sequence, previous => ReadQueueAsync(queue, query, previous, CancellationToken.None)).WaitAsync(ct);
    }

    /// <summary>
    /// The queue page as of at least hub event <paramref name="atLeast"/>, shared by every open screen showing it. For
    /// live refreshes of a screen whose reader was checked when it opened (and whose sign-in is revalidated).
    /// </summary>
    public Task<QueuePage> LiveQueueAsync(ApprovalQueue queue, QueueQuery query, long atLeast) =>
        snapshots.GetAsync(queue, query, atLeast, previous => ReadQueueAsync(queue, query, previous, CancellationToken.None));

    /// <summary>
    /// Reads a queue page in one read snapshot. Without a previous page (the first read of a page since the start)
    /// it is one statement (<see cref="PageQuery"/>). With one, it reads the page's rows in due order with what can
    /// change each one (its version and its counting approvals), then only the items that are not in
    /// <paramref name="previous"/> as they are now. Every change to a case gives it a new version (a trigger refuses
    /// an update that does not, see the CaseVersions migration), and the counting approvals are read each time
    /// because they also lapse with time; so an item whose version and approvals did not move is the previous item,
    /// handed out as the same instance (a screen's row built from it is reused and its render diff sends nothing). A
    /// decision changes one or two rows of a page: the others are not read again.
    /// </summary>
    internal async Task<QueuePage> ReadQueueAsync(ApprovalQueue queue, QueueQuery query, QueuePage? previous, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // One read transaction: the total, the rows and the items come from the same snapshot, so a decision
        // committed between two statements cannot show a page whose rows and total disagree.
        await using var read = await ReadSnapshot.BeginAsync(db, ct);
        var tierId = string.IsNullOrEmpty(query.TierId) ? null : query.TierId;
        var total = await Waiting(db, queue, tierId, ct);
        var pageSize = Math.Clamp(query.PageSize, 1, 100);
        var skip = Math.Max(0, query.Page) * pageSize;
        var now = time.GetUtcNow();
        if (previous is null)
        {
            return new QueuePage(await Page(db, queue, tierId, now, skip, pageSize).ToListAsync(ct), total);
        }

        var rows = await PageRows(db, queue, tierId, now, skip, pageSize).ToListAsync(ct);
        var known = previous.Items.ToDictionary(i => i.CaseId);
        var changed = rows.Where(r => !(known.TryGetValue(r.CaseId, out var item) && item.Version == r.Version && item.Approvals == r.Approvals))
            .Select(r => r.CaseId).ToArray();
        var items = changed.Length == 0 ? [] : await Items(db, changed, now).ToDictionaryAsync(i => i.CaseId, cancellationToken: ct);
        return new QueuePage([.. rows.Select(r => items.TryGetValue(r.CaseId, out var item) ? item with { Approvals = r.Approvals } : known[r.CaseId])], total);
    }

    /// <summary>
    /// A whole queue page as one statement: the waiting cases in due order (<see cref="QueueQueryParts.Page"/>), each
    /// item with its counting approvals as a subquery. EF writes the SQL per null-ness of the tier, so with a tier the
    /// statement filters on it and uses the index that has it (the plans are checked in QueuePageTests). Compiled
    /// once, as every query of the queue.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, ApprovalQueue, string?, DateTimeOffset, int, int, IQueryable<QueueItem>>> PageQuery =
        QueueQueryParts.Expand<Func<AppDbContext, ApprovalQueue, string?, DateTimeOffset, int, int, IQueryable<QueueItem>>>(
            (db, queue, tierId, now, skip, take) => QueueQueryParts.Page(db, queue, tierId, skip, take)
                .Select(c => QueueQueryParts.Item(c, now, QueueQueryParts.CountingApprovals(c, now))));

    private static readonly Func<AppDbContext, ApprovalQueue, string?, DateTimeOffset, int, int, IAsyncEnumerable<QueueItem>> Page = EF.CompileAsyncQuery(PageQuery);

    /// <summary>The same page's rows: each case's id, version and counting approvals, for a read that has a previous page.</summary>
    internal static readonly Expression<Func<AppDbContext, ApprovalQueue, string?, DateTimeOffset, int, int, IQueryable<PageRow>>> PageRowsQuery =
        QueueQueryParts.Expand<Func<AppDbContext, ApprovalQueue, string?, DateTimeOffset, int, int, IQueryable<PageRow>>>(
            (db, queue, tierId, now, skip, take) => QueueQueryParts.Page(db, queue, tierId, skip, take)
                .Select(c => new PageRow(c.Id, c.Version, QueueQueryParts.CountingApprovals(c, now))));

    private static readonly Func<AppDbContext, ApprovalQueue, string?, DateTimeOffset, int, int, IAsyncEnumerable<PageRow>> PageRows = EF.CompileAsyncQuery(PageRowsQuery);

    /// <summary>
    /// The queue items of the given cases, read by their keys. Their counting approvals are left at 0 here: they come
    /// from the page's rows (<see cref="PageRowsQuery"/>), read in the same snapshot.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, Guid[], DateTimeOffset, IQueryable<QueueItem>>> ItemsQuery =
        QueueQueryParts.Expand<Func<AppDbContext, Guid[], DateTimeOffset, IQueryable<QueueItem>>>(
            (db, ids, now) => db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => ids.Contains(c.Id)).Select(c => QueueQueryParts.Item(c, now, 0)));

    private static readonly Func<AppDbContext, Guid[], DateTimeOffset, IAsyncEnumerable<QueueItem>> Items = EF.CompileAsyncQuery(ItemsQuery);

    internal readonly record struct PageRow(Guid CaseId, int Version, int Approvals);

    public async Task<QueueCounts> CountsAsync(StaffActor actor, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, QueueReaders, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var supervisor = await Waiting(db, ApprovalQueue.Supervisor, null, ct);
        var security = current.Has(Roles.SecurityLead) || current.Has(Roles.Auditor) ? await Waiting(db, ApprovalQueue.Security, null, ct) : 0;
        return new QueueCounts(supervisor, security);
    }

    public async Task<ApprovalReview> ReviewAsync(StaffActor actor, Guid caseId, CancellationToken ct = default)
    {
        var current = await access.RequireAsync(actor, QueueReaders, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var recoveryCase = await db.RecoveryCases.AsNoTracking().AsSplitQuery().SingleOrDefaultAsync(c => c.Id == caseId, ct)
            ?? throw new CaseRuleException("There is no such case.");
        EnsureReads(current, recoveryCase.ApprovalQueue);
        var names = await directory.NamesAsync(recoveryCase.SubjectId, ct);
        var whyNot = SeparationOfDuties.WhyNot(current, recoveryCase, names)
            ?? (recoveryCase.Status == CaseStatus.AwaitingApproval ? null : $"The case is {recoveryCase.Status.Label().ToLowerInvariant()}.");
        return new ApprovalReview(recoveryCase, ApprovalHash.Compute(recoveryCase), whyNot, time.GetUtcNow());
    }

    /// <summary>Approves or rejects exactly what was reviewed. A race, a double click or a stale screen loses with a clear reason.</summary>
    public async Task DecideAsync(StaffActor actor, Guid caseId, bool approve, string? reason, string reviewedHash, CancellationToken ct = default)
    {
        // The subject's and their manager's usernames come from the directory (a network call outside demo mode) and
        // are read before the write gate, so one slow lookup does not hold every other approver's transaction; the
        // checks below run inside it against the case as it is then.
        var subjectId = await SubjectOfAsync(caseId, ct);
        var names = subjectId is null ? null : await directory.NamesAsync(subjectId, ct);
        await writer.ChangeAsync(actor, caseId, [Roles.Supervisor, Roles.SecurityLead], approve ? "approval.approve" : "approval.reject", async context =>
        {
            var namesNow = context.Case.SubjectId == subjectId ? names : await directory.NamesAsync(context.Case.SubjectId, ct);
            if (SeparationOfDuties.WhyNot(context.Actor, context.Case, namesNow) is { } whyNot)
            {
                throw new AccessRefusedException(whyNot);
            }

            var decision = context.Case.Decide(context.Actor.Id, context.Actor.Name, context.Actor.RolesText, approve, reason, reviewedHash, context.Now);
            ApprovalLog.Decided(logger, caseId, approve, context.Case.TierId, context.Actor.Id);
            // Once per case, when its last approval starts the cool-down: the people told need their contacts of record.
            var coolingDown = context.Case.Status == CaseStatus.CoolingDown ? await CoolDownNoticesAsync(context.Case, ct) : [];
            return new CaseChange(new AuditRecord(context.Actor, approve ? "approval.approved" : "approval.rejected", AuditRecord.Succeeded, caseId,
                context.Case.SubjectId, new Dictionary<string, string?>
                {
                    ["queue"] = context.Case.ApprovalQueue.ToString(),
                    ["requestHash"] = decision.RequestHash,
                    ["reason"] = decision.Reason,
                    ["approvals"] = context.Case.CountingApprovals(context.Now).ToString(CultureInfo.InvariantCulture),
                    ["required"] = context.Case.ApprovalsRequired.ToString(CultureInfo.InvariantCulture),
                    ["caseStatus"] = context.Case.Status.ToString(),
                }), async () =>
                {
                    foreach (var notice in coolingDown)
                    {
                        await sender.SendAsync(notice, ct);
                    }
                });
        }, ct);
    }

    private async Task<string?> SubjectOfAsync(Guid caseId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.Id == caseId).Select(c => c.SubjectId).SingleOrDefaultAsync(ct);
    }

    /// <summary>When a reset enters its cool-down, the people who may cancel it are told, with the link to do so.</summary>
    private async Task<List<OutgoingNotification>> CoolDownNoticesAsync(RecoveryCase recoveryCase, CancellationToken ct)
    {
        var subject = await directory.FindAsync(recoveryCase.SubjectId, ct);
        var manager = subject?.ManagerId is { } managerId ? await directory.FindAsync(managerId, ct) : null;
        var notices = new List<OutgoingNotification>();
        var people = new[] { ("Subject", subject), ("Manager", manager) };
        foreach (var (role, person) in people)
        {
            if (person is null || !recoveryCase.CoolDownCancelBy.Contains(role) || person.Contacts.FirstOrDefault(c => c.Kind == ContactKind.Email) is not { } email)
            {
                continue;
            }

            notices.Add(new OutgoingNotification(NotificationKind.RecoveryNotice, person.Id, person.DisplayName, ContactKind.Email, email.Value,
                $"A reset of {recoveryCase.SubjectDisplayName}'s account is pending",
                $"The helpdesk will perform a {ActionLabels.Of(recoveryCase.EffectiveAction).ToLowerInvariant()} on {recoveryCase.SubjectUsername} after {recoveryCase.CoolDownUntil:yyyy-MM-dd HH:mm} UTC. If it should not happen, cancel it with the link.",
                recoveryCase.Id, $"/cases/{recoveryCase.Id}/cancel"));
        }

        return notices;
    }

    /// <summary>Escalates items past their SLA and sends cases whose approvals lapsed back to the queue.</summary>
    public async Task<int> SweepAsync(CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        List<Guid> candidates;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            candidates = await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
                .Where(c => (c.Status == CaseStatus.AwaitingApproval && c.EscalatedAt == null && c.ApprovalDueAt <= now)
                    || ((c.Status == CaseStatus.AwaitingApproval || c.Status == CaseStatus.Approved || c.Status == CaseStatus.CoolingDown)
                        && c.Decisions.Any(d => d.Approved && d.VoidedAt == null && d.ValidUntil <= now)))
                .Select(c => c.Id).ToListAsync(ct);
        }

        foreach (var caseId in candidates)
        {
            await SweepOneAsync(caseId, now, ct);
        }

        return candidates.Count;
    }

    private async Task SweepOneAsync(Guid caseId, DateTimeOffset now, CancellationToken ct)
    {
        OutgoingNotification? escalation = null;
        string subjectId;
        using (await gate.EnterAsync(ct))
        {
            await using var db = await dbFactory.CreateDbContextAsync(ct);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var recoveryCase = await db.RecoveryCases.SingleAsync(c => c.Id == caseId, ct);
            subjectId = recoveryCase.SubjectId;
            if (recoveryCase.ExpireApprovalsIfDue(now))
            {
                await audit.AppendAsync(db, new AuditRecord(System, "approval.expired", AuditRecord.Succeeded, caseId, subjectId,
                    new Dictionary<string, string?> { ["caseStatus"] = recoveryCase.Status.ToString() }), ct);
            }

            if (recoveryCase.EscalateIfOverdue(now))
            {
                var target = recoveryCase.ApprovalEscalateTo ?? Roles.SecurityLead;
                await audit.AppendAsync(db, new AuditRecord(System, "approval.escalated", AuditRecord.Succeeded, caseId, subjectId,
                    new Dictionary<string, string?> { ["queue"] = recoveryCase.ApprovalQueue.ToString(), ["escalateTo"] = target, ["dueAt"] = recoveryCase.ApprovalDueAt?.ToString("O") }), ct);
                escalation = Escalation(recoveryCase, target);
                ApprovalLog.Escalated(logger, caseId, target);
            }

            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }

        hub.Publish(new ConsoleEvent(ConsoleTopic.CaseChanged, caseId, subjectId));
        if (escalation is not null)
        {
            await sender.SendAsync(escalation, ct);
        }
    }

    private OutgoingNotification Escalation(RecoveryCase recoveryCase, string role) => new(
        NotificationKind.Escalation, $"role:{role}", $"{role} on call", ContactKind.Email,
        options.Value.EscalationAddresses.GetValueOrDefault(role, "security-leads@northwind.example"),
        $"Overdue approval: {recoveryCase.Reference}",
        $"{recoveryCase.Reference} ({recoveryCase.TierName}, {recoveryCase.SubjectDisplayName}) has waited past its approval deadline in the {recoveryCase.ApprovalQueue} queue.",
        recoveryCase.Id, $"/approvals/{recoveryCase.ApprovalQueue.ToString().ToLowerInvariant()}");

    private async Task RequireReaderAsync(StaffActor actor, ApprovalQueue queue, CancellationToken ct) =>
        EnsureReads(await access.RequireAsync(actor, QueueReaders, ct), queue);

    /// <summary>The queue rule for someone whose roles were just read from the staff record.</summary>
    private static void EnsureReads(StaffActor current, ApprovalQueue queue)
    {
        if (queue == ApprovalQueue.Security && !(current.Has(Roles.SecurityLead) || current.Has(Roles.Auditor)))
        {
            throw new AccessRefusedException("The security queue is for security leads (and auditors, read-only).");
        }
    }

    /// <summary>How many cases wait in a queue (for one tier, or all): the database's tallies, not a count of the cases.</summary>
    private static readonly Func<AppDbContext, ApprovalQueue, string?, CancellationToken, Task<int>> Waiting =
        EF.CompileAsyncQuery((AppDbContext db, ApprovalQueue queue, string? tierId, CancellationToken ct) =>
            db.QueueTallies.Where(t => t.Queue == queue && (tierId == null || t.TierId == tierId)).Sum(t => t.Waiting));
}
