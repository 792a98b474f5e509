using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Exceptions;

namespace ResetConsole.Features.Security;

/// <summary>
/// The trend charts' numbers, each from one aggregate query over indexed columns: the database groups and counts,
/// the app never loads the cases themselves. Per-day grouping works on the stored time values directly (see
/// <see cref="StoredTime"/>).
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

        var start = new DateTimeOffset(from.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var end = new DateTimeOffset(to.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var days = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays).ToList();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return new Trends(from, to, days,
            await ResetsPerDayAsync(db, ResetsByTierSql, start, end, days.Count, ct),
            await ResetsPerDayAsync(db, ResetsByChannelSql, start, end, days.Count, ct),
            await FailureRatesAsync(db, start, end, ct),
            await ApprovalTimingsAsync(db, start, end, ct),
            await CountByAsync(db, ExceptionsByTypeSql, start, end, ct),
            await CountByAsync(db, ExceptionsByGranterSql, start, end, ct),
            await TopAgentsAsync(db, start, end, ct),
            await VendorSharesAsync(db, start, end, ct));
    }

    internal const string ResetsByTierSql = """
        SELECT ("ExecutionStartedAt" - @origin) / @perDay AS "Day", "TierName" AS "Name", COUNT(*) AS "Count"
        FROM "RecoveryCases"
        WHERE "ExecutionStartedAt" >= @start AND "ExecutionStartedAt" < @end
        GROUP BY 1, 2
        """;

    internal const string ResetsByChannelSql = """
        SELECT ("ExecutionStartedAt" - @origin) / @perDay AS "Day", "Channel" AS "Name", COUNT(*) AS "Count"
        FROM "RecoveryCases"
        WHERE "ExecutionStartedAt" >= @start AND "ExecutionStartedAt" < @end
        GROUP BY 1, 2
        """;

    // Granted exceptions: active, expired or revoked (not requested, denied or withdrawn).
    internal const string ExceptionsByTypeSql = """
        SELECT "TypeTitle" AS "Name", COUNT(*) AS "Count"
        FROM "ExceptionGrants"
        WHERE "DecidedAt" >= @start AND "DecidedAt" < @end AND "Status" IN ('Active', 'Expired', 'Revoked')
        GROUP BY 1
        ORDER BY 2 DESC, 1
        """;

    internal const string ExceptionsByGranterSql = """
        SELECT "DecidedByName" AS "Name", COUNT(*) AS "Count"
        FROM "ExceptionGrants"
        WHERE "DecidedAt" >= @start AND "DecidedAt" < @end AND "Status" IN ('Active', 'Expired', 'Revoked')
        GROUP BY 1
        ORDER BY 2 DESC, 1
        """;

    internal static async Task<IReadOnlyList<DailySeries>> ResetsPerDayAsync(AppDbContext db, string sql, DateTimeOffset start, DateTimeOffset end, int dayCount, CancellationToken ct)
    {
        var origin = StoredTime.Encode(start);
        var perDay = StoredTime.PerDay;
        var rows = await db.Database.SqlQueryRaw<DayCount>(sql,
            Parameter("@origin", origin), Parameter("@perDay", perDay), Parameter("@start", origin), Parameter("@end", StoredTime.Encode(end)))
            .ToListAsync(ct);
        return [.. rows.GroupBy(r => r.Name).OrderBy(g => g.Key).Select(g =>
        {
            var counts = new int[dayCount];
            foreach (var row in g.Where(r => r.Day >= 0 && r.Day < dayCount))
            {
                counts[row.Day] += row.Count;
            }

            return new DailySeries(g.Key, counts);
        })];
    }

    internal static async Task<IReadOnlyList<FailureRate>> FailureRatesAsync(AppDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        // Per-day counts kept by VerificationTally as results are recorded: a year is a few hundred rows.
        var first = DateOnly.FromDateTime(start.UtcDateTime).DayNumber;
        var last = DateOnly.FromDateTime(end.UtcDateTime).DayNumber;
        var rows = await db.VerificationDailyCounts.AsNoTracking()
            .Where(c => c.Day >= first && c.Day < last)
            .GroupBy(c => c.Kind)
            .Select(g => new { Kind = g.Key, Passed = g.Sum(c => c.Passed), Failed = g.Sum(c => c.Failed) })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Kind, StringComparer.Ordinal).Select(r => new FailureRate(r.Kind, r.Passed, r.Failed))];
    }

    internal static async Task<IReadOnlyList<ApprovalTiming>> ApprovalTimingsAsync(AppDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<QueueTiming>(
            """
            SELECT c."ApprovalQueue" AS "Queue", COUNT(*) AS "Decisions",
                   SUM(CASE WHEN d."DecidedAt" <= c."ApprovalDueAt" THEN 1 ELSE 0 END) AS "WithinSla",
                   AVG(CAST(d."DecidedAt" - c."SubmittedAt" AS REAL)) / @perMinute AS "AverageMinutes"
            FROM "ApprovalDecisions" AS d
            JOIN "RecoveryCases" AS c ON c."Id" = d."CaseId"
            WHERE d."DecidedAt" >= @start AND d."DecidedAt" < @end AND c."SubmittedAt" IS NOT NULL
            GROUP BY 1
            ORDER BY 1
            """,
            Parameter("@perMinute", StoredTime.PerDay / 1440), Parameter("@start", StoredTime.Encode(start)), Parameter("@end", StoredTime.Encode(end)))
            .ToListAsync(ct);
        return [.. rows.Select(r => new ApprovalTiming(r.Queue, r.Decisions, r.WithinSla, Math.Max(0, r.AverageMinutes ?? 0)))];
    }

    internal static async Task<IReadOnlyList<NamedCount>> CountByAsync(AppDbContext db, string sql, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<NameTotal>(sql,
            Parameter("@start", StoredTime.Encode(start)), Parameter("@end", StoredTime.Encode(end)))
            .ToListAsync(ct);
        return [.. rows.Select(r => new NamedCount(r.Name ?? "unknown", r.Count))];
    }

    internal static async Task<IReadOnlyList<NamedCount>> TopAgentsAsync(AppDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        var rows = await db.Database.SqlQueryRaw<NameTotal>(
            """
            SELECT "OpenedByName" AS "Name", COUNT(*) AS "Count"
            FROM "RecoveryCases"
            WHERE "OpenedAt" >= @start AND "OpenedAt" < @end
            GROUP BY 1
            ORDER BY 2 DESC, 1
            LIMIT @top
            """,
            Parameter("@start", StoredTime.Encode(start)), Parameter("@end", StoredTime.Encode(end)), Parameter("@top", TopAgentCount))
            .ToListAsync(ct);
        return [.. rows.Select(r => new NamedCount(r.Name ?? "unknown", r.Count))];
    }

    internal static async Task<IReadOnlyList<VendorShare>> VendorSharesAsync(AppDbContext db, DateTimeOffset start, DateTimeOffset end, CancellationToken ct)
    {
        // Cases that go to the security queue: the privileged and non-human tiers.
        var rows = await db.Database.SqlQueryRaw<TierVendor>(
            """
            SELECT "TierName" AS "Tier", COUNT(*) AS "Cases", SUM(CASE WHEN "OpenedByVendor" IS NULL THEN 0 ELSE 1 END) AS "ByVendor"
            FROM "RecoveryCases"
            WHERE "OpenedAt" >= @start AND "OpenedAt" < @end AND "ApprovalQueue" = 'Security'
            GROUP BY 1
            ORDER BY 1
            """,
            Parameter("@start", StoredTime.Encode(start)), Parameter("@end", StoredTime.Encode(end)))
            .ToListAsync(ct);
        return [.. rows.Select(r => new VendorShare(r.Tier, r.Cases, r.ByVendor))];
    }

    private static Microsoft.Data.Sqlite.SqliteParameter Parameter(string name, long value) => new(name, value);

    private sealed record DayCount(int Day, string Name, int Count);

    private sealed record QueueTiming(string Queue, int Decisions, int WithinSla, double? AverageMinutes);

    private sealed record NameTotal(string? Name, int Count);

    private sealed record TierVendor(string Tier, int Cases, int ByVendor);
}

/// <summary>
/// Times are stored through <see cref="DateTimeOffsetToBinaryConverter"/> (UTC, so the offset bits are zero): the
/// stored number grows linearly with time, so SQL can bucket by day with subtraction and integer division.
/// </summary>
public static class StoredTime
{
    private static readonly DateTimeOffsetToBinaryConverter Converter = new();

    public static long PerDay { get; } = Encode(DateTimeOffset.UnixEpoch.AddDays(1)) - Encode(DateTimeOffset.UnixEpoch);

    public static long Encode(DateTimeOffset value) => (long)Converter.ConvertToProvider(value.ToUniversalTime())!;
}
