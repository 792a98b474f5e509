namespace ResetConsole.Directory.Ldap;

/// <summary>The attribute names in use, with the flavor's defaults filled in.</summary>
internal sealed record LdapAttributeNames
{
    public const string ModifyTimestamp = "modifyTimestamp";
    public const string OpenLdapLockedTime = "pwdAccountLockedTime";
    public const string AdLockoutTime = "lockoutTime";

    // Active Directory's computed flags tell whether a lockout is still in force; lockoutTime alone outlives its duration.
    public const string AdComputedFlags = "msDS-User-Account-Control-Computed";

    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public required string Mail { get; init; }
    public required IReadOnlyList<string> Phones { get; init; }
    public required string EmployeeId { get; init; }
    public required string Manager { get; init; }
    public required string MemberOf { get; init; }
    public required string Department { get; init; }
    public required string Title { get; init; }
    public required string Kind { get; init; }
    public required string ContactChangedAt { get; init; }
    public required IReadOnlyList<string> Extra { get; init; }
    public required bool GroupsFromMemberOf { get; init; }
    public required LdapFlavor Flavor { get; init; }

    public static LdapAttributeNames From(LdapOptions options)
    {
        var a = options.Attributes;
        var ad = options.Flavor == LdapFlavor.ActiveDirectory;
        return new LdapAttributeNames
        {
            Username = Pick(a.Username, ad ? "sAMAccountName" : "uid"),
            DisplayName = Pick(a.DisplayName, "cn"),
            Mail = Pick(a.Mail, "mail"),
            Phones = a.Phones is { Count: > 0 } phones ? phones : ["mobile", "telephoneNumber"],
            EmployeeId = Pick(a.EmployeeId, "employeeNumber"),
            Manager = Pick(a.Manager, "manager"),
            MemberOf = Pick(a.MemberOf, "memberOf"),
            Department = Pick(a.Department, ad ? "department" : "departmentNumber"),
            Title = Pick(a.Title, "title"),
            Kind = Pick(a.Kind, "employeeType"),
            ContactChangedAt = Pick(a.ContactChangedAt, ModifyTimestamp),
            Extra = a.Extra ?? [],
            GroupsFromMemberOf = string.IsNullOrWhiteSpace(options.GroupSearchBase),
            Flavor = options.Flavor,
        };
    }

    /// <summary>What a search row needs. Operational attributes (lock, timestamps) must be asked for by name.</summary>
    public string[] ForSummary() =>
        [.. new[] { Username, DisplayName, Mail, EmployeeId, Department, Kind }.Concat(Phones).Concat(GroupAndLock()).Distinct(StringComparer.OrdinalIgnoreCase)];

    public string[] ForSubject() =>
        [.. ForSummary().Concat([Manager, Title, ContactChangedAt, ModifyTimestamp]).Concat(Extra).Distinct(StringComparer.OrdinalIgnoreCase)];

    private IEnumerable<string> GroupAndLock()
    {
        if (GroupsFromMemberOf)
        {
            yield return MemberOf;
        }

        if (Flavor == LdapFlavor.ActiveDirectory)
        {
            yield return AdLockoutTime;
            yield return AdComputedFlags;
        }
        else
        {
            yield return OpenLdapLockedTime;
        }
    }

    private static string Pick(string? configured, string fallback) => string.IsNullOrWhiteSpace(configured) ? fallback : configured.Trim();
}
