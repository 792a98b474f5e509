using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Domain.Exceptions;
using ResetConsole.Features.Exceptions;

namespace ResetConsole.Features.Security;

/// <summary>
/// What the security dashboard reads: exceptions and their reviews, the watch list and the alert feed. Security leads
/// and auditors only, checked on every call; every list is a bounded page read from indexed columns.
/// </summary>
public sealed class SecurityDashboardService(IDbContextFactory<AppDbContext> dbFactory, StaffAccess access, TimeProvider time)
{
    public const int WatchListSize = 50;

    public async Task<DashboardSummary> SummaryAsync(StaffActor actor, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, ExceptionService.Readers, ct);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var grants = db.ExceptionGrants.AsNoTracking();
        return new DashboardSummary(
            await grants.CountAsync(e => e.Status == ExceptionStatus.Requested, ct),
            await grants.CountAsync(e => e.Status == ExceptionStatus.Active && e.EndsAt > now, ct),
            await grants.CountAsync(e => e.ReviewedAt == null && e.ReviewDueAt > now, ct),
            await grants.CountAsync(e => e.ReviewedAt == null && e.ReviewDueAt <= now, ct),
            await db.RecoveryCases.AsNoTracking().CountAsync(c => c.Status == CaseStatus.Frozen, ct),
            await db.SubjectProtections.AsNoTracking().CountAsync(p => p.ReleasedAt == null && p.Until > now, ct),
            await db.RecoveryCases.AsNoTracking().CountAsync(c => c.Status == CaseStatus.NeedsAttention, ct));
    }

    /// <summary>Requests waiting for a decision, oldest first.</summary>
    public Task<ExceptionPage> RequestsAsync(StaffActor actor, int skip, int take, CancellationToken ct = default) =>
        PageAsync(actor, q => q.Where(e => e.Status == ExceptionStatus.Requested).OrderBy(e => e.RequestedAt), skip, take, ct);

    /// <summary>Active exceptions, the one ending soonest first.</summary>
    public Task<ExceptionPage> ActiveAsync(StaffActor actor, int skip, int take, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        return PageAsync(actor, q => q.Where(e => e.Status == ExceptionStatus.Active && e.EndsAt > now).OrderBy(e => e.EndsAt), skip, take, ct);
    }

    /// <summary>Reviews not yet recorded, the most overdue first.</summary>
    public Task<ExceptionPage> ReviewsAsync(StaffActor actor, int skip, int take, CancellationToken ct = default) =>
        PageAsync(actor, q => q.Where(e => e.ReviewedAt == null && e.ReviewDueAt != null).OrderBy(e => e.ReviewDueAt), skip, take, ct);

    public async Task<WatchList> WatchListAsync(StaffActor actor, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, ExceptionService.Readers, ct);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var cases = db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes();
        var frozen = await cases.Where(c => c.Status == CaseStatus.Frozen).OrderByDescending(c => c.FrozenAt).Take(WatchListSize)
            .Select(c => new { c.Id, c.SubjectDisplayName, c.TierName, c.Status, Since = c.FrozenAt ?? c.UpdatedAt, Why = c.FrozenReason }).ToListAsync(ct);
        var attention = await cases.Where(c => c.Status == CaseStatus.NeedsAttention).OrderBy(c => c.UpdatedAt).Take(WatchListSize)
            .Select(c => new { c.Id, c.SubjectDisplayName, c.TierName, c.Status, Since = c.UpdatedAt, Why = (string?)"side effects failed" }).ToListAsync(ct);
        var protectedAccounts = await db.SubjectProtections.AsNoTracking().Where(p => p.ReleasedAt == null && p.Until > now).OrderBy(p => p.Until).Take(WatchListSize)
            .Select(p => new ProtectedAccount(p.Id, p.SubjectId, p.SubjectDisplayName, p.CaseId, p.Reason, p.Until)).ToListAsync(ct);
        return new WatchList(
            [.. frozen.Select(c => new WatchedCase(c.Id, Reference(c.Id), c.SubjectDisplayName, c.TierName, c.Status, c.Since, c.Why))],
            [.. attention.Select(c => new WatchedCase(c.Id, Reference(c.Id), c.SubjectDisplayName, c.TierName, c.Status, c.Since, c.Why))],
            protectedAccounts);
    }

    /// <summary>The latest alerts, newest first.</summary>
    public async Task<IReadOnlyList<AlertView>> AlertsAsync(StaffActor actor, int take, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, ExceptionService.Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.SecurityAlerts.AsNoTracking().OrderByDescending(a => a.At).ThenByDescending(a => a.Id).Take(Math.Clamp(take, 1, 200))
            .Select(a => new AlertView(a.Id, a.At, a.Kind, a.Severity, a.CaseId, a.CaseReference, a.SubjectDisplayName, a.ActorName, a.Summary))
            .ToListAsync(ct);
    }

    private async Task<ExceptionPage> PageAsync(StaffActor actor, Func<IQueryable<ExceptionGrant>, IQueryable<ExceptionGrant>> shape, int skip, int take, CancellationToken ct)
    {
        var current = await access.RequireAsync(actor, ExceptionService.Readers, ct);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var query = shape(db.ExceptionGrants.AsNoTracking());
        var total = await query.CountAsync(ct);
        var items = await query.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, 100)).ToListAsync(ct);
        return new ExceptionPage([.. items.Select(g => ExceptionService.View(g, current))], total);
    }

    private static string Reference(Guid id) => $"RC-{id.ToString("N")[..8].ToUpperInvariant()}";
}
