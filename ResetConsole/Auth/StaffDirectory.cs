using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Auth;

/// <summary>Records who signed in, and answers whether a signed-in person may still use the console.</summary>
public sealed class StaffDirectory(IDbContextFactory<AppDbContext> dbFactory, TimeProvider time)
{
    public async Task RecordSignInAsync(ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var (issuer, subjectId) = Key(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = time.GetUtcNow();
        var staff = await db.Staff.SingleOrDefaultAsync(s => s.Issuer == issuer && s.SubjectId == subjectId, ct);
        if (staff is null)
        {
            staff = new StaffMember { Issuer = issuer, SubjectId = subjectId, DisplayName = string.Empty, FirstSignInAt = now };
            db.Staff.Add(staff);
        }

        staff.DisplayName = principal.FindFirstValue(StaffClaims.Name) ?? subjectId;
        staff.Username = principal.FindFirstValue(StaffClaims.Username);
        staff.Roles = RolesOf(principal);
        staff.IsVendor = principal.HasClaim(StaffClaims.Vendor, "true");
        staff.LastSignInAt = now;
        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// False when the person was switched off, their sessions were revoked after <paramref name="issuedAt"/>, or the
    /// roles they hold now differ from those in the principal.
    /// </summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, DateTimeOffset? issuedAt, CancellationToken ct = default)
    {
        var (issuer, subjectId) = Key(principal);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var staff = await db.Staff.AsNoTracking().SingleOrDefaultAsync(s => s.Issuer == issuer && s.SubjectId == subjectId, ct);
        return staff is { IsActive: true }
            && (staff.SessionsValidFrom is null || (issuedAt is { } issued && issued >= staff.SessionsValidFrom))
            && staff.Roles == RolesOf(principal);
    }

    public static string RolesOf(ClaimsPrincipal principal) =>
        string.Join(',', principal.FindAll(StaffClaims.Role).Select(c => c.Value).Distinct().Order());

    private static (string Issuer, string SubjectId) Key(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(StaffClaims.Subject)
            ?? throw new InvalidOperationException("The signed-in principal has no subject claim.");
        return (principal.FindFirstValue(StaffClaims.Issuer) ?? subject.Issuer, subject.Value);
    }
}
