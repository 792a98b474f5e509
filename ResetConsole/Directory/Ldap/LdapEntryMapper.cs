using System.DirectoryServices.Protocols;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Ldap;

/// <summary>Maps LDAP entries to the console's subjects. Everything here is read from the entry; nothing is guessed in the caller's favour.</summary>
internal sealed class LdapEntryMapper(LdapAttributeNames names, IReadOnlyDictionary<string, SubjectKind> kindByGroup)
{
    // A lockout flag in Active Directory's msDS-User-Account-Control-Computed (UF_LOCKOUT).
    private const long AdLockoutFlag = 0x10;

    private static readonly string[] GeneralizedTimeFormats =
        ["yyyyMMddHHmmss'Z'", "yyyyMMddHHmmss.FFFFFFF'Z'", "yyyyMMddHHmm'Z'", "yyyyMMddHH'Z'"];

    public static string? First(SearchResultEntry entry, string attribute) => All(entry, attribute).FirstOrDefault();

    public static IReadOnlyList<string> All(SearchResultEntry entry, string attribute) =>
        entry.Attributes.Contains(attribute) ? [.. entry.Attributes[attribute].GetValues(typeof(string)).Cast<string>()] : [];

    public string Username(SearchResultEntry entry) => First(entry, names.Username) ?? LdapDn.FirstValue(entry.DistinguishedName) ?? entry.DistinguishedName;

    public string DisplayName(SearchResultEntry entry) => First(entry, names.DisplayName) ?? Username(entry);

    /// <summary>Group names from memberOf: the leftmost RDN value of each group DN.</summary>
    public IReadOnlyList<string> GroupsFromMemberOf(SearchResultEntry entry) =>
        [.. All(entry, names.MemberOf).Select(LdapDn.FirstValue).OfType<string>().Order(StringComparer.OrdinalIgnoreCase)];

    public SubjectSummary ToSummary(SearchResultEntry entry, IReadOnlyList<string> groups) => new(
        entry.DistinguishedName,
        Username(entry),
        DisplayName(entry),
        First(entry, names.EmployeeId),
        KindOf(entry, groups),
        First(entry, names.Department) ?? string.Empty,
        groups,
        [.. ContactValues(entry).Select(c => ContactMask.Mask(c.Kind, c.Value))],
        [],
        IsLocked(entry),
        0);

    public Subject ToSubject(SearchResultEntry entry, IReadOnlyList<string> groups, string? managerId, string? managerName, DateTimeOffset now) => new()
    {
        Id = entry.DistinguishedName,
        Username = Username(entry),
        DisplayName = DisplayName(entry),
        EmployeeId = First(entry, names.EmployeeId),
        Kind = KindOf(entry, groups),
        Department = First(entry, names.Department) ?? string.Empty,
        Title = First(entry, names.Title) ?? string.Empty,
        ManagerId = managerId,
        ManagerName = managerName,
        Groups = groups,
        Attributes = names.Extra
            .Select(a => (Name: a, Value: First(entry, a)))
            .Where(a => a.Value is not null)
            .ToDictionary(a => a.Name, a => a.Value!, StringComparer.OrdinalIgnoreCase),
        Contacts = Contacts(entry, now),
        IsLocked = IsLocked(entry),
    };

    /// <summary>The attribute's kind when it names one, else the first kind a group maps to, else Employee.</summary>
    public SubjectKind KindOf(SearchResultEntry entry, IReadOnlyList<string> groups)
    {
        if (First(entry, names.Kind) is { } value && Enum.TryParse<SubjectKind>(value.Trim(), ignoreCase: true, out var kind) && Enum.IsDefined(kind))
        {
            return kind;
        }

        foreach (var group in groups)
        {
            if (kindByGroup.TryGetValue(group, out var mapped))
            {
                return mapped;
            }
        }

        return SubjectKind.Employee;
    }

    public bool IsLocked(SearchResultEntry entry)
    {
        if (names.Flavor == LdapFlavor.OpenLdap)
        {
            // ppolicy writes pwdAccountLockedTime on lockout and removes it on unlock; presence is the lock.
            return entry.Attributes.Contains(LdapAttributeNames.OpenLdapLockedTime);
        }

        if (long.TryParse(First(entry, LdapAttributeNames.AdComputedFlags), CultureInfo.InvariantCulture, out var flags))
        {
            return (flags & AdLockoutFlag) != 0;
        }

        return long.TryParse(First(entry, LdapAttributeNames.AdLockoutTime), CultureInfo.InvariantCulture, out var lockoutTime) && lockoutTime > 0;
    }

    private List<ContactOfRecord> Contacts(SearchResultEntry entry, DateTimeOffset now)
    {
        // An unreadable change time counts as "just changed": the contact-changed step-up then applies rather than being missed.
        var changedAt = ParseGeneralizedTime(First(entry, names.ContactChangedAt))
            ?? ParseGeneralizedTime(First(entry, LdapAttributeNames.ModifyTimestamp))
            ?? now;
        return [.. ContactValues(entry).Select(c => new ContactOfRecord(ContactId(entry.DistinguishedName, c.Attribute, c.Index), c.Kind, c.Value, changedAt))];
    }

    private IEnumerable<(ContactKind Kind, string Attribute, int Index, string Value)> ContactValues(SearchResultEntry entry)
    {
        var sources = new[] { (Kind: ContactKind.Email, Attribute: names.Mail) }.Concat(names.Phones.Select(p => (Kind: ContactKind.Phone, Attribute: p)));
        foreach (var (kind, attribute) in sources)
        {
            var values = All(entry, attribute);
            for (var i = 0; i < values.Count; i++)
            {
                if (!string.IsNullOrWhiteSpace(values[i]))
                {
                    yield return (kind, attribute, i, values[i].Trim());
                }
            }
        }
    }

    // Stable across reads so a contact chosen on one screen is found again on the next. Derived from where the
    // contact sits, not from its value, so the id cannot be brute-forced back to a phone number.
    private static Guid ContactId(string dn, string attribute, int index)
    {
        var key = $"{LdapDn.Normalize(dn) ?? dn}\n{attribute.ToLowerInvariant()}\n{index}";
        return new Guid(SHA256.HashData(Encoding.UTF8.GetBytes(key)).AsSpan(0, 16));
    }

    private static DateTimeOffset? ParseGeneralizedTime(string? value) =>
        value is not null && DateTimeOffset.TryParseExact(value, GeneralizedTimeFormats, CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed)
            ? parsed
            : null;
}
