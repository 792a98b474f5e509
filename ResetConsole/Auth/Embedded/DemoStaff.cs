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
}
