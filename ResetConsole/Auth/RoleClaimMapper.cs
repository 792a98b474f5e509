using System.Security.Claims;
using System.Text.Json;

namespace ResetConsole.Auth;

/// <summary>
/// Turns whatever the identity provider calls roles or groups into the console's role claims, so the rest of the
/// app only ever sees <see cref="Roles"/>. Anything unmapped is dropped: a provider group never becomes a role by accident.
/// Then every claim the console does not read is dropped too (token ids, nonces, hashes, the provider's group list):
/// the session cookie carries only what <see cref="StaffActor"/> and the staff check use, and each open screen holds
/// that cookie and the principal read from it for as long as it is open.
/// </summary>
public sealed class RoleClaimMapper(ConsoleAuthOptions options)
{
    public void Apply(ClaimsIdentity identity)
    {
        var providerRoles = ReadProviderRoles(identity);
        foreach (var claim in identity.FindAll(StaffClaims.Role).ToList())
        {
            identity.RemoveClaim(claim);
        }

        foreach (var role in MapRoles(providerRoles))
        {
            identity.AddClaim(new Claim(StaffClaims.Role, role));
        }

        var isVendor = identity.HasClaim(StaffClaims.Vendor, "true")
            || (options.VendorRole is { } vendorRole && providerRoles.Contains(vendorRole, StringComparer.OrdinalIgnoreCase));
        foreach (var claim in identity.FindAll(StaffClaims.Vendor).ToList())
        {
            identity.RemoveClaim(claim);
        }

        if (isVendor)
        {
            identity.AddClaim(new Claim(StaffClaims.Vendor, "true"));
        }

        foreach (var claim in identity.Claims.Where(c => !Kept.Contains(c.Type)).ToList())
        {
            identity.RemoveClaim(claim);
        }
    }

    /// <summary>The claim types the console reads (<see cref="StaffClaims"/>); <see cref="SignInTime"/> is added after mapping.</summary>
    private static readonly HashSet<string> Kept =
    [
        StaffClaims.Subject, StaffClaims.Name, StaffClaims.Username, StaffClaims.Role, StaffClaims.Issuer, StaffClaims.Vendor,
        StaffClaims.VendorName, SignInTime.ClaimType,
    ];

    public IReadOnlyList<string> MapRoles(IEnumerable<string> providerRoles)
    {
        var mapped = options.RoleMap.Count == 0
            ? providerRoles.Where(r => Roles.All.Contains(r))
            : providerRoles.Select(Lookup).OfType<string>();
        return mapped.Distinct().Order().ToList();
    }

    private string? Lookup(string providerRole) =>
        options.RoleMap.FirstOrDefault(p => string.Equals(p.Key, providerRole, StringComparison.OrdinalIgnoreCase)).Value;

    private List<string> ReadProviderRoles(ClaimsIdentity identity)
    {
        var path = options.RoleClaim.Split('.');
        var values = identity.FindAll(path[0]).Select(c => c.Value);
        return path.Length == 1
            ? values.SelectMany(ExpandJsonArray).ToList()
            : values.SelectMany(v => ReadJsonPath(v, path[1..])).ToList();
    }

    // Some providers send a list as one JSON-array claim rather than repeated claims.
    private static IEnumerable<string> ExpandJsonArray(string value) =>
        value.StartsWith('[') ? ReadJsonPath(value, []) : [value];

    private static IEnumerable<string> ReadJsonPath(string json, string[] path)
    {
        JsonElement element;
        try
        {
            element = JsonDocument.Parse(json).RootElement;
        }
        catch (JsonException)
        {
            return [];
        }

        foreach (var segment in path)
        {
            if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(segment, out element))
            {
                return [];
            }
        }

        return element.ValueKind switch
        {
            JsonValueKind.Array => element.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList(),
            JsonValueKind.String => [element.GetString()!],
            _ => [],
        };
    }
}
