using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

/// <summary>What the console's own records say about recent activity, for the policy's step-up signals.</summary>
public sealed class CaseHistory(IOptions<CaseOptions> options)
{
    /// <summary>
    /// The subject's last reset and freeze and the failed verifications in the window (one statement, each part an
    /// index seek or range: a long-lived account accumulates cases), and, when <paramref name="agentId"/> is given, that
    /// agent's cases in the last hour (a re-evaluation of an open case leaves it out: the agent's pace counted when the
    /// case opened).
    /// </summary>
    public async Task<RecentHistory> ReadAsync(AppDbContext db, string subjectId, string? agentId, DateTimeOffset now, CancellationToken ct)
    {
        var recent = await Subject(db, subjectId, now - options.Value.FailedVerificationWindow).FirstOrDefaultAsync(ct);
        var agentCases = agentId is null ? 0 : await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
            .CountAsync(c => c.OpenedById == agentId && c.OpenedAt >= now.AddHours(-1), ct);
        return new RecentHistory(recent?.LastResetAt, recent?.FailedVerifications ?? 0, agentCases, recent?.LastFrozenAt);
    }

    /// <summary>
    /// The subject's part as one statement of at most one row (its query plan is checked in CaseHistoryTests). Compiled
    /// once (<see cref="Subject"/>): every case page's open runs it.
    /// </summary>
    internal static readonly Expression<Func<AppDbContext, string, DateTimeOffset, IQueryable<SubjectHistory>>> SubjectQuery =
        (db, subjectId, failedSince) => db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.SubjectId == subjectId)
            .Select(_ => new SubjectHistory(
                db.RecoveryCases.Where(c => c.SubjectId == subjectId && c.Status == CaseStatus.Completed).Max(c => c.ClosedAt),
                db.RecoveryCases.Where(c => c.SubjectId == subjectId && c.FrozenAt != null).Max(c => c.FrozenAt),
                db.VerificationSteps
                    .Where(s => db.RecoveryCases.Where(c => c.SubjectId == subjectId && c.OpenedAt >= failedSince).Select(c => c.Id).Contains(s.CaseId))
                    .Sum(s => s.FailedAttempts + (s.Status == StepStatus.Failed ? 1 : 0))))
            .Take(1);

    private static readonly Func<AppDbContext, string, DateTimeOffset, IAsyncEnumerable<SubjectHistory>> Subject = EF.CompileAsyncQuery(SubjectQuery);

    internal sealed record SubjectHistory(DateTimeOffset? LastResetAt, DateTimeOffset? LastFrozenAt, int FailedVerifications);
}
