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
    /// The subject's last reset and freeze (one query), failed verifications in the window, and, when
    /// <paramref name="agentId"/> is given, that agent's cases in the last hour (a re-evaluation of an open case leaves
    /// it out: the agent's pace counted when the case opened).
    /// </summary>
    public async Task<RecentHistory> ReadAsync(AppDbContext db, string subjectId, string? agentId, DateTimeOffset now, CancellationToken ct)
    {
        var failedSince = now - options.Value.FailedVerificationWindow;
        var subjectCases = db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.SubjectId == subjectId);
        var last = await subjectCases.GroupBy(c => c.SubjectId)
            .Select(g => new { Reset = g.Max(c => c.Status == CaseStatus.Completed ? c.ClosedAt : null), Frozen = g.Max(c => c.FrozenAt) })
            .SingleOrDefaultAsync(ct);
        var failed = await db.VerificationSteps.AsNoTracking()
            .Where(s => subjectCases.Where(c => c.OpenedAt >= failedSince).Select(c => c.Id).Contains(s.CaseId))
            .SumAsync(s => s.FailedAttempts + (s.Status == StepStatus.Failed ? 1 : 0), ct);
        var agentCases = agentId is null ? 0 : await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
            .CountAsync(c => c.OpenedById == agentId && c.OpenedAt >= now.AddHours(-1), ct);
        return new RecentHistory(last?.Reset, failed, agentCases, last?.Frozen);
    }
}
