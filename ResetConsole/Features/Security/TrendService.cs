using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Exceptions;

namespace ResetConsole.Features.Security;

/// <summary>
/// The trend charts' numbers. Counts per day are kept as changes commit (<see cref="DailyTally"/>), so a year is a few
/// thousand small rows, read with the primary key. Nothing loads the cases themselves.
/// </summary>
public sealed class TrendService(IDbContextFactory<AppDbContext> dbFactory, StaffAccess access)
{
    public const int MaxDays = 400;
    public const int TopAgentCount = 10;

    public async Task<Trends> ReadAsync(StaffActor actor, DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        await access.RequireAsync(actor, ExceptionService.Readers, ct);
        if (to < from)
        {
            throw new ArgumentException("The end date is before the start date.", nameof(to));
        }

        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            throw new ArgumentException($"Choose at most {MaxDays} days.", nameof(to));
        }

        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Trends(from, to, days,
            await PerDayAsync(db, DailyTally.ResetByTier, from, to, ct),
            await PerDayAsync(db, DailyTally.ResetByChannel, from, to, ct),
            await FailureRatesAsync(db, from, to, ct),
            await ApprovalTimingsAsync(db, from, to, ct),
            await CountByAsync(db, DailyTally.ExceptionGrantedType, from, to, ct),
            await CountByAsync(db, DailyTally.ExceptionGrantedBy, from, to, ct),
            await TopAgentsAsync(db, from, to, ct),
            await VendorSharesAsync(db, from, to, ct));
    }

    /// <summary>One series per key of <paramref name="metric"/>, a count per day of the range.</summary>
    internal static async Task<IReadOnlyList<DailySeries>> PerDayAsync(AppDbContext db, string metric, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var rows = await Range(db, metric, from, to).Select(c => new { c.Day, c.Key, c.Value }).ToListAsync(ct);
        var dayCount = to.DayNumber - from.DayNumber + 1;
        return [.. rows.GroupBy(r => r.Key).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g =>
        {
            var counts = new int[dayCount];
            foreach (var row in g)
            {
                counts[row.Day - from.DayNumber] += (int)row.Value;
            }

            return new DailySeries(g.Key, counts);
        })];
    }

    internal static async Task<IReadOnlyList<FailureRate>> FailureRatesAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var passed = await TotalsAsync(db, DailyTally.VerificationPassed, from, to, ct);
        var failed = await TotalsAsync(db, DailyTally.VerificationFailed, from, to, ct);
        return [.. passed.Keys.Union(failed.Keys).Order(StringComparer.Ordinal)
            .Select(kind => new FailureRate(kind, (int)passed.GetValueOrDefault(kind), (int)failed.GetValueOrDefault(kind)))];
    }

    internal static async Task<IReadOnlyList<ApprovalTiming>> ApprovalTimingsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var decided = await TotalsAsync(db, DailyTally.ApprovalDecided, from, to, ct);
        var within = await TotalsAsync(db, DailyTally.ApprovalWithinSla, from, to, ct);
        var seconds = await TotalsAsync(db, DailyTally.ApprovalSeconds, from, to, ct);
        return [.. decided.Where(d => d.Value > 0).OrderBy(d => d.Key, StringComparer.Ordinal)
            .Select(d => new ApprovalTiming(d.Key, (int)d.Value, (int)within.GetValueOrDefault(d.Key), seconds.GetValueOrDefault(d.Key) / 60.0 / d.Value))];
    }

    /// <summary>Totals per key over the range, largest first.</summary>
    internal static async Task<IReadOnlyList<NamedCount>> CountByAsync(AppDbContext db, string metric, DateOnly from, DateOnly to, CancellationToken ct) =>
        [.. (await TotalsAsync(db, metric, from, to, ct)).OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new NamedCount(t.Key, (int)t.Value))];

    internal static async Task<IReadOnlyList<NamedCount>> TopAgentsAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct) =>
        [.. (await TotalsAsync(db, DailyTally.OpenedBy, from, to, ct))
            .OrderByDescending(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Take(TopAgentCount)
            .Select(t => new NamedCount(t.Key, (int)t.Value))];

    internal static async Task<IReadOnlyList<VendorShare>> VendorSharesAsync(AppDbContext db, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var opened = await TotalsAsync(db, DailyTally.SecurityTierOpened, from, to, ct);
        var byVendor = await TotalsAsync(db, DailyTally.SecurityTierOpenedByVendor, from, to, ct);
        return [.. opened.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => new VendorShare(o.Key, (int)o.Value, (int)byVendor.GetValueOrDefault(o.Key)))];
    }

    private static async Task<Dictionary<string, long>> TotalsAsync(AppDbContext db, string metric, DateOnly from, DateOnly to, CancellationToken ct) =>
        await Range(db, metric, from, to).GroupBy(c => c.Key).Select(g => new { g.Key, Total = g.Sum(c => c.Value) }).ToDictionaryAsync(g => g.Key, g => g.Total, ct);

    private static IQueryable<Domain.Reporting.DailyCount> Range(AppDbContext db, string metric, DateOnly from, DateOnly to) =>
        db.DailyCounts.AsNoTracking().Where(c => c.Metric == metric && c.Day >= from.DayNumber && c.Day <= to.DayNumber);
}
