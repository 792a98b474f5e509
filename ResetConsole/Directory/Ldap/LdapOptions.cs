using System.Net;
using System.Text.RegularExpressions;
using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Ldap;

/// <summary>The <c>Directory:Ldap</c> section: an OpenLDAP or Active Directory server reached with a service account.</summary>
public sealed partial class LdapOptions
{
    public const string Section = "Directory:Ldap";

    public string? Host { get; set; }

    /// <summary>0 means the protocol's default: 636 with LDAPS, 389 without.</summary>
    public int Port { get; set; }

    public bool UseLdaps { get; set; }

    /// <summary>
    /// Allows plain LDAP, which sends the service account's password and every new password in clear. Only for a
    /// directory on this machine or a test; Active Directory refuses password writes without LDAPS anyway.
    /// </summary>
    public bool AllowUnencrypted { get; set; }

    public string? BindDn { get; set; }

    /// <summary>From the environment (Directory__Ldap__BindPassword) or user-secrets, never appsettings.json.</summary>
    public string? BindPassword { get; set; }

    /// <summary>Accounts are searched, read and changed only under this DN.</summary>
    public string? BaseDn { get; set; }

    public string UserFilter { get; set; } = "(objectClass=inetOrgPerson)";

    public LdapFlavor Flavor { get; set; } = LdapFlavor.OpenLdap;

    public LdapAttributeOptions Attributes { get; set; } = new();

    /// <summary>When set, groups are found by searching here for groups whose member attribute holds the account's DN; otherwise memberOf is read.</summary>
    public string? GroupSearchBase { get; set; }

    public string GroupFilter { get; set; } = "(objectClass=groupOfNames)";

    public string GroupMemberAttribute { get; set; } = "member";

    public string GroupNameAttribute { get; set; } = "cn";

    /// <summary>Group name to account kind, e.g. "Service Accounts": Service. The kind attribute wins when it names a kind.</summary>
    public Dictionary<string, SubjectKind> KindByGroup { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>OpenLDAP only: the ppolicy overlay is loaded, so <c>pwdReset</c> can require a change at next sign-in.</summary>
    public bool HasPasswordPolicy { get; set; } = true;

    /// <summary>A search reads at most this many matching entries; a longer result is cut (and logged), so ask for more text.</summary>
    public int MaxSearchResults { get; set; } = 500;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan OperationTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public LdapRevocationHookOptions RevocationHook { get; set; } = new();

    public int EffectivePort => Port != 0 ? Port : UseLdaps ? 636 : 389;

    /// <summary>Every problem with these settings, each as one sentence naming the setting.</summary>
    public IEnumerable<string> Problems()
    {
        const string When = "when Directory:Provider is Ldap";
        if (string.IsNullOrWhiteSpace(Host))
        {
            yield return $"Directory:Ldap:Host is required {When}.";
        }

        if (Port is < 0 or > 65535)
        {
            yield return "Directory:Ldap:Port must be between 1 and 65535, or 0 for the protocol's default.";
        }

        if (string.IsNullOrWhiteSpace(BindDn))
        {
            yield return $"Directory:Ldap:BindDn (the service account's DN) is required {When}.";
        }

        if (string.IsNullOrWhiteSpace(BindPassword))
        {
            yield return $"Directory:Ldap:BindPassword must be set (environment variable Directory__Ldap__BindPassword or user-secrets) {When}.";
        }

        if (string.IsNullOrWhiteSpace(BaseDn))
        {
            yield return $"Directory:Ldap:BaseDn is required {When}.";
        }

        if (!UseLdaps && !AllowUnencrypted)
        {
            yield return "Directory:Ldap:UseLdaps must be true, because binds and new passwords would otherwise cross the network in clear (Directory:Ldap:AllowUnencrypted is for a local test directory only).";
        }

        if (Flavor == LdapFlavor.ActiveDirectory && !UseLdaps)
        {
            yield return "Directory:Ldap:UseLdaps must be true when Directory:Ldap:Flavor is ActiveDirectory, because Active Directory sets passwords only over LDAPS.";
        }

        foreach (var (name, filter) in new[] { ("UserFilter", UserFilter), ("GroupFilter", GroupFilter) })
        {
            if (!IsParenthesized(filter))
            {
                yield return $"Directory:Ldap:{name} must be one LDAP filter in parentheses, e.g. (objectClass=inetOrgPerson).";
            }
        }

        foreach (var (name, value) in AttributeSettings().Where(a => !AttributeName().IsMatch(a.Value)))
        {
            yield return $"Directory:Ldap:{name} must be an attribute name (letters, digits and hyphens) or an OID, not '{value}'.";
        }

        foreach (var problem in HookProblems())
        {
            yield return problem;
        }

        if (ConnectTimeout <= TimeSpan.Zero || ConnectTimeout > TimeSpan.FromMinutes(5)
            || OperationTimeout <= TimeSpan.Zero || OperationTimeout > TimeSpan.FromMinutes(5))
        {
            yield return "Directory:Ldap:ConnectTimeout and Directory:Ldap:OperationTimeout must each be between 1 second and 5 minutes.";
        }

        if (MaxSearchResults is < 1 or > 10_000)
        {
            yield return "Directory:Ldap:MaxSearchResults must be between 1 and 10000.";
        }
    }

    private IEnumerable<string> HookProblems()
    {
        var hook = RevocationHook;
        var hasCommand = !string.IsNullOrWhiteSpace(hook.Command);
        var hasUrl = !string.IsNullOrWhiteSpace(hook.Url);
        if (hasCommand == hasUrl)
        {
            yield return "Directory:Ldap:RevocationHook needs exactly one of Command or Url, because LDAP has no sessions of its own and every reset must end the subject's sessions.";
        }

        if (hasUrl && !(Uri.TryCreate(hook.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || (url.Scheme == Uri.UriSchemeHttp && IsLoopback(url.Host)))))
        {
            yield return "Directory:Ldap:RevocationHook:Url must be an absolute https URL (plain http only for this machine).";
        }

        if (hasCommand && !Path.IsPathFullyQualified(hook.Command!))
        {
            yield return "Directory:Ldap:RevocationHook:Command must be a full path, so no PATH lookup decides what runs.";
        }

        if (hook.Timeout <= TimeSpan.Zero || hook.Timeout > TimeSpan.FromMinutes(5))
        {
            yield return "Directory:Ldap:RevocationHook:Timeout must be between 1 second and 5 minutes.";
        }
    }

    private IEnumerable<(string Name, string Value)> AttributeSettings()
    {
        var a = Attributes;
        var single = new (string, string?)[]
        {
            ("Attributes:Username", a.Username), ("Attributes:DisplayName", a.DisplayName), ("Attributes:Mail", a.Mail),
            ("Attributes:EmployeeId", a.EmployeeId), ("Attributes:Manager", a.Manager), ("Attributes:MemberOf", a.MemberOf),
            ("Attributes:Department", a.Department), ("Attributes:Title", a.Title), ("Attributes:Kind", a.Kind),
            ("Attributes:ContactChangedAt", a.ContactChangedAt), ("GroupMemberAttribute", GroupMemberAttribute),
            ("GroupNameAttribute", GroupNameAttribute),
        };
        var lists = (a.Phones ?? []).Select(p => ("Attributes:Phones", (string?)p)).Concat((a.Extra ?? []).Select(e => ("Attributes:Extra", (string?)e)));
        return single.Concat(lists).Where(s => s.Item2 is not null).Select(s => (s.Item1, s.Item2!));
    }

    private static bool IsParenthesized(string? filter) =>
        filter is { Length: > 2 } f && f.Trim().StartsWith('(') && f.Trim().EndsWith(')');

    private static bool IsLoopback(string host) =>
        host.Equals("localhost", StringComparison.OrdinalIgnoreCase) || (IPAddress.TryParse(host, out var ip) && IPAddress.IsLoopback(ip));

    // Attribute descriptions go into filters unescaped, so only names and OIDs are accepted.
    [GeneratedRegex(@"^([A-Za-z][A-Za-z0-9-]*|[0-9]+(\.[0-9]+)+)$")]
    private static partial Regex AttributeName();
}
