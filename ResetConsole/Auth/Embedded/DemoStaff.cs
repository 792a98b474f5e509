using System.Security.Cryptography;
using System.Text;

namespace ResetConsole.Auth.Embedded;

/// <summary>The embedded provider's people. Demo mode only: README lists them, and start-up warns loudly.</summary>
public static class DemoStaff
{
    public const string Password = "demo-pass-2026";

    public static readonly IReadOnlyList<DemoStaffMember> All =
    [
        new("dana", "Dana Whitfield", [Roles.Agent]),
        new("vik", "Vik Raman", [Roles.Agent], Vendor: "Acme Outsourcing"),
        new("sam", "Sam Carter", [Roles.Supervisor]),
        new("lee", "Lee Jordan", [Roles.SecurityLead]),
        new("kim", "Kim Nakamura", [Roles.SecurityLead]),
        new("ari", "Ari Cohen", [Roles.Auditor]),
        new("pat", "Pat Osei", [Roles.PolicyAdmin]),
    ];

    public static DemoStaffMember? Find(string? username) =>
        All.FirstOrDefault(s => string.Equals(s.Username, username?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>Checks a sign-in in constant time with respect to the password.</summary>
    public static DemoStaffMember? Authenticate(string? username, string? password)
    {
        var staff = Find(username);
        var expected = SHA256.HashData(Encoding.UTF8.GetBytes(Password));
        var given = SHA256.HashData(Encoding.UTF8.GetBytes(password ?? string.Empty));
        return CryptographicOperations.FixedTimeEquals(expected, given) ? staff : null;
    }
}
