using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;
using ResetConsole.Domain.Cases;
using ResetConsole.Features.Policy;

namespace ResetConsole.Features.Cases;

/// <summary>Protects an account from new recovery cases after its case froze, for the policy's protection period.</summary>
public sealed class SubjectProtector(IPolicyCatalog policies)
{
    public async Task<SubjectProtection> ProtectAsync(AppDbContext db, RecoveryCase frozen, DateTimeOffset now, CancellationToken ct)
    {
        var policy = await policies.GetVersionAsync(frozen.PolicyVersion, ct);
        var protection = new SubjectProtection
        {
            Id = Guid.NewGuid(),
            SubjectId = frozen.SubjectId,
            SubjectDisplayName = frozen.SubjectDisplayName,
            CaseId = frozen.Id,
            Reason = frozen.FrozenReason ?? "Case frozen",
            ProtectedAt = now,
            Until = now + policy.Definition.Freeze.ProtectionPeriod,
        };
        db.SubjectProtections.Add(protection);
        return protection;
    }

    /// <summary>The account's protection in force, tracked (a release changes it). Compiled once: every case page's open and every intake asks.</summary>
    public static Task<SubjectProtection?> ActiveAsync(AppDbContext db, string subjectId, DateTimeOffset now, CancellationToken ct) =>
        Active(db, subjectId, now, ct);

    private static readonly Func<AppDbContext, string, DateTimeOffset, CancellationToken, Task<SubjectProtection?>> Active =
        EF.CompileAsyncQuery((AppDbContext db, string subjectId, DateTimeOffset now, CancellationToken ct) =>
            db.SubjectProtections.Where(p => p.SubjectId == subjectId && p.ReleasedAt == null && p.Until > now)
                .OrderByDescending(p => p.Until).FirstOrDefault());
}
