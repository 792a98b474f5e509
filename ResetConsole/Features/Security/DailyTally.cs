using System.Globalization;
using System.Text;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Security;

/// <summary>
/// Keeps the per-day counts the trend charts read, in the transaction of each change: verification results (not
/// waivers), cases opened by agent and, for security-queue tiers, by vendors, resets by tier and channel, approval
/// decisions against their SLA, and exceptions granted by type and by granter.
/// </summary>
public static class DailyTally
{
    public const string VerificationPassed = "verification-passed";
    public const string VerificationFailed = "verification-failed";
    public const string OpenedBy = "opened-by";
    public const string SecurityTierOpened = "security-tier-opened";
    public const string SecurityTierOpenedByVendor = "security-tier-opened-by-vendor";
    public const string ResetByTier = "reset-tier";
    public const string ResetByChannel = "reset-channel";
    public const string ApprovalDecided = "approval-decided";
    public const string ApprovalWithinSla = "approval-within-sla";
    public const string ApprovalSeconds = "approval-seconds";
    public const string ExceptionGrantedType = "exception-granted-type";
    public const string ExceptionGrantedBy = "exception-granted-by";

    /// <summary>What the case holds before a change; pass it to <see cref="AddChangeAsync"/> after.</summary>
    public static Before Snapshot(RecoveryCase recoveryCase) =>
        new(recoveryCase.Steps.ToDictionary(s => s.Id, s => s.Evidence.Count), recoveryCase.Decisions.Select(d => d.Id).ToHashSet(), recoveryCase.ExecutionStartedAt);

    public static Task AddOpeningAsync(AppDbContext db, RecoveryCase c, CancellationToken ct)
    {
        var day = Day(c.OpenedAt);
        var counts = new List<(int, string, string, long)> { (day, OpenedBy, c.OpenedByName, 1) };
        if (c.ApprovalQueue == ApprovalQueue.Security)
        {
            counts.Add((day, SecurityTierOpened, c.TierName, 1));
            if (c.OpenedByVendor is not null)
            {
                counts.Add((day, SecurityTierOpenedByVendor, c.TierName, 1));
            }
        }

        return AddAsync(db, counts, ct);
    }

    public static Task AddChangeAsync(AppDbContext db, RecoveryCase c, Before before, CancellationToken ct)
    {
        var counts = new List<(int, string, string, long)>();
        foreach (var step in c.Steps)
        {
            foreach (var e in step.Evidence.Skip(before.Evidence.GetValueOrDefault(step.Id)))
            {
                if (step.WaivedByExceptionId is not { } waiver || e.Reference != waiver.ToString())
                {
                    counts.Add((Day(e.At), e.Passed ? VerificationPassed : VerificationFailed, e.Kind.ToString(), 1));
                }
            }
        }

        if (before.ExecutionStartedAt is null && c.ExecutionStartedAt is { } executed)
        {
            counts.Add((Day(executed), ResetByTier, c.TierName, 1));
            counts.Add((Day(executed), ResetByChannel, c.Channel.ToString(), 1));
        }

        foreach (var decision in c.Decisions.Where(d => !before.Decisions.Contains(d.Id)))
        {
            var queue = c.ApprovalQueue.ToString();
            var day = Day(decision.DecidedAt);
            counts.Add((day, ApprovalDecided, queue, 1));
            counts.Add((day, ApprovalWithinSla, queue, decision.DecidedAt <= c.ApprovalDueAt ? 1 : 0));
            counts.Add((day, ApprovalSeconds, queue, c.SubmittedAt is { } submitted ? (long)Math.Max(0, (decision.DecidedAt - submitted).TotalSeconds) : 0));
        }

        return AddAsync(db, counts, ct);
    }

    /// <summary>
    /// Adds the counts in one statement (an upsert of every day, metric and key they name): the write gate runs it for
    /// each change, and every statement is prepared anew.
    /// </summary>
    public static async Task AddAsync(AppDbContext db, IEnumerable<(int Day, string Metric, string Key, long Value)> counts, CancellationToken ct)
    {
        var rows = counts.GroupBy(c => (c.Day, c.Metric, c.Key)).Select(g => (g.Key.Metric, g.Key.Day, g.Key.Key, Value: g.Sum(c => c.Value))).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        var sql = new StringBuilder("""INSERT INTO "DailyCounts" ("Metric", "Day", "Key", "Value") VALUES """);
        var parameters = new object[rows.Count * 4];
        for (var i = 0; i < rows.Count; i++)
        {
            var first = i * 4;
            sql.Append(i == 0 ? "" : ", ").Append(CultureInfo.InvariantCulture, $"({{{first}}}, {{{first + 1}}}, {{{first + 2}}}, {{{first + 3}}})");
            (parameters[first], parameters[first + 1], parameters[first + 2], parameters[first + 3]) = (rows[i].Metric, rows[i].Day, rows[i].Key, rows[i].Value);
        }

        sql.Append(""" ON CONFLICT ("Metric", "Day", "Key") DO UPDATE SET "Value" = "Value" + excluded."Value" """);
        await db.Database.ExecuteSqlRawAsync(sql.ToString(), parameters, ct);
    }

    public static int Day(DateTimeOffset at) => DateOnly.FromDateTime(at.UtcDateTime).DayNumber;

    public sealed record Before(Dictionary<Guid, int> Evidence, HashSet<Guid> Decisions, DateTimeOffset? ExecutionStartedAt);
}
