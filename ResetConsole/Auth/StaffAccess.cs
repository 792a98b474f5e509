using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Auth;

/// <summary>
/// Checks an actor against current data at the moment of an action: the staff record must be active, and the roles
/// are the ones it holds now, not the ones a circuit remembered from sign-in.
/// </summary>
public sealed class StaffAccess(IDbContextFactory<AppDbContext> dbFactory)
{
    // Compiled once: the check runs before every action and every screen's read (docs/performance.md, "The case page's open").
    private static readonly Func<AppDbContext, string, string, CancellationToken, Task<StaffMember?>> StaffRecord =
        EF.CompileAsyncQuery((AppDbContext db, string issuer, string subjectId, CancellationToken ct) =>
            db.Staff.AsNoTracking().SingleOrDefault(s => s.Issuer == issuer && s.SubjectId == subjectId));

    public async Task<StaffActor> RequireAsync(StaffActor actor, IReadOnlyCollection<string> anyOfRoles, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await RequireAsync(db, actor, anyOfRoles, ct);
    }

    /// <summary>The same check on a context the caller already holds (inside a write transaction, it sees the staff record as that transaction does).</summary>
    public static async Task<StaffActor> RequireAsync(AppDbContext db, StaffActor actor, IReadOnlyCollection<string> anyOfRoles, CancellationToken ct = default)
    {
        var staff = await StaffRecord(db, actor.Issuer, actor.Id, ct);
        if (staff is not { IsActive: true })
        {
            throw new AccessRefusedException("Your console access is not active.");
        }

        var current = actor with
        {
            Roles = staff.Roles.Split(',', StringSplitOptions.RemoveEmptyEntries).ToHashSet(),
            IsVendor = staff.IsVendor,
        };
        if (anyOfRoles.Count > 0 && !anyOfRoles.Any(current.Has))
        {
            throw new AccessRefusedException($"This needs the role {string.Join(" or ", anyOfRoles)}.");
        }

        return current;
    }
}
