namespace ResetConsole.Auth.Embedded;

public sealed record DemoStaffMember(string Username, string DisplayName, IReadOnlyList<string> Roles, string? Vendor = null)
{
    public bool IsVendor => Vendor is not null;
}
