using System.Security.Claims;

namespace ResetConsole.Auth;

/// <summary>
/// The person acting, as services see them. Built from the signed-in principal; services confirm it against the
/// staff record (<see cref="StaffAccess"/>) at the moment of each action.
/// </summary>
public sealed record StaffActor(string Issuer, string Id, string Name, string? Username, IReadOnlySet<string> Roles, bool IsVendor, string? VendorName)
{
    public bool Has(string role) => Roles.Contains(role);

    public string RolesText => string.Join(',', Roles.Order());

    public static StaffActor From(ClaimsPrincipal principal)
    {
        var subject = principal.FindFirst(StaffClaims.Subject) ?? throw new InvalidOperationException("The principal has no subject claim.");
        return new StaffActor(
            principal.FindFirstValue(StaffClaims.Issuer) ?? subject.Issuer,
            subject.Value,
            principal.FindFirstValue(StaffClaims.Name) ?? subject.Value,
            principal.FindFirstValue(StaffClaims.Username),
            principal.FindAll(StaffClaims.Role).Select(c => c.Value).ToHashSet(),
            principal.HasClaim(StaffClaims.Vendor, "true"),
            principal.FindFirstValue(StaffClaims.VendorName));
    }
}
