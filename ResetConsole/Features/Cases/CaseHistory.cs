using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Cases;

/// <summary>What the console's own records say about recent activity, for the policy's step-up signals.</summary>
public sealed class CaseHistory(IOptions<CaseOptions> options)
{
    public async Task<RecentHistory> ReadAsync(AppDbContext db, string subjectId, string agentId, DateTimeOffset now, CancellationToken ct)
    {
        var failedSince = now - options.Value.FailedVerificationWindow;
        var subjectCases = db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes().Where(c => c.SubjectId == subjectId);
        var lastReset = await subjectCases.Where(c => c.Status == CaseStatus.Completed).MaxAsync(c => c.ClosedAt, ct);
        var lastFrozen = await subjectCases.MaxAsync(c => c.FrozenAt, ct);
        var failed = await db.VerificationSteps.AsNoTracking()
            .Where(s => subjectCases.Where(c => c.OpenedAt >= failedSince).Select(c => c.Id).Contains(s.CaseId))
            .SumAsync(s => s.FailedAttempts + (s.Status == StepStatus.Failed ? 1 : 0), ct);
        var agentCases = await db.RecoveryCases.AsNoTracking().IgnoreAutoIncludes()
            .CountAsync(c => c.OpenedById == agentId && c.OpenedAt >= now.AddHours(-1), ct);
        return new RecentHistory(lastReset, failed, agentCases, lastFrozen);
    }
}
