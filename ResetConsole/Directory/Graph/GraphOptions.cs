using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Graph;

/// <summary>The <c>Directory:Graph</c> section: the Microsoft Graph (Entra ID) connector.</summary>
public sealed class GraphOptions
{
    public const string Section = "Directory:Graph";

    public const string DefaultBaseUrl = "https://graph.microsoft.com/v1.0";

    public string? TenantId { get; set; }

    public string? ClientId { get; set; }

    /// <summary>From the environment (<c>Directory__Graph__ClientSecret</c>) or user-secrets, never from appsettings.json.</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The Graph root, version included. National clouds use their own host; tests point it at a local fake.</summary>
    public string BaseUrl { get; set; } = DefaultBaseUrl;

    /// <summary>The token authority, for national clouds (e.g. https://login.microsoftonline.us/). Empty means public cloud.</summary>
    public string? AuthorityHost { get; set; }

    /// <summary>
    /// Group names reported as admin roles as well as groups (e.g. role-assignable groups that carry a role through
    /// PIM). Every Entra directory role an account holds is reported as an admin role regardless; the policy decides
    /// which of them are privileged.
    /// </summary>
    public List<string> AdminRoleNames { get; set; } = [];

    /// <summary>Also report roles the account is eligible for through PIM: an eligible admin is one activation away.</summary>
    public bool ReadEligibleRoles { get; set; } = true;

    /// <summary>
    /// Read when mail and mobile phone last changed from the directory audit log (AuditLog.Read.All). When off, every
    /// contact counts as changed just now, so the contact-changed step-up always applies: safe, but noisy.
    /// </summary>
    public bool ReadContactHistory { get; set; } = true;

    /// <summary>How far back the audit log is read for contact changes; older changes count as older than this.</summary>
    public TimeSpan ContactHistoryWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary><c>employeeType</c> values that decide the subject kind; other accounts are employees (guests: contractors).</summary>
    public Dictionary<string, SubjectKind> EmployeeTypeKinds { get; set; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Contractor"] = SubjectKind.Contractor,
        ["Executive"] = SubjectKind.Executive,
        ["Service"] = SubjectKind.Service,
    };

    /// <summary>
    /// Retries of throttled or unavailable reads inside one call, honouring Retry-After. Writes are never retried
    /// here: they fail with the Retry-After and the side-effect worker retries them.
    /// </summary>
    public int ReadRetries { get; set; } = 2;

    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// PasswordProfile (default) works with the app-only sign-in this connector uses. AuthenticationMethods needs a
    /// delegated token, so it is refused here unless the client is built by other means (see <see cref="GraphClients"/>).
    /// </summary>
    public GraphPasswordReset PasswordReset { get; set; } = GraphPasswordReset.PasswordProfile;

    /// <summary>How often an asynchronous password reset (202 with a Location) is polled, and how many times.</summary>
    public TimeSpan PasswordResetPollInterval { get; set; } = TimeSpan.FromSeconds(2);

    public int PasswordResetPollAttempts { get; set; } = 15;

    /// <summary>Whether a temporary access pass works for one sign-in only.</summary>
    public bool TemporaryAccessPassUsableOnce { get; set; } = true;

    /// <summary>Clock difference allowed between this server and Graph when confirming a revocation.</summary>
    public TimeSpan RevocationClockTolerance { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Every problem with these settings, each as one sentence naming the setting. Never echoes the secret.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Guid.TryParse(TenantId, out _) && !IsDomainName(TenantId))
        {
            yield return "Directory:Graph:TenantId must be your Entra tenant id (a GUID) or its primary domain name.";
        }

        if (!Guid.TryParse(ClientId, out _))
        {
            yield return "Directory:Graph:ClientId must be the application (client) id of the console's app registration, a GUID.";
        }

        if (string.IsNullOrWhiteSpace(ClientSecret))
        {
            yield return "Directory:Graph:ClientSecret must be set (environment variable Directory__Graph__ClientSecret or user-secrets).";
        }

        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var baseUrl) || (baseUrl.Scheme != Uri.UriSchemeHttps && !baseUrl.IsLoopback))
        {
            yield return "Directory:Graph:BaseUrl must be an absolute https URL such as https://graph.microsoft.com/v1.0 (plain http only on this machine).";
        }

        if (!string.IsNullOrWhiteSpace(AuthorityHost) && !Uri.TryCreate(AuthorityHost, UriKind.Absolute, out _))
        {
            yield return "Directory:Graph:AuthorityHost must be an absolute URL such as https://login.microsoftonline.us/ when set.";
        }

        if (PasswordReset == GraphPasswordReset.AuthenticationMethods)
        {
            yield return "Directory:Graph:PasswordReset AuthenticationMethods needs a delegated (signed-in admin) token, but this connector signs in app-only; use PasswordProfile.";
        }

        if (ReadRetries is < 0 or > 5)
        {
            yield return "Directory:Graph:ReadRetries must be between 0 and 5.";
        }

        if (RequestTimeout < TimeSpan.FromSeconds(1) || RequestTimeout > TimeSpan.FromMinutes(5))
        {
            yield return "Directory:Graph:RequestTimeout must be between 1 second and 5 minutes.";
        }

        if (PasswordResetPollInterval < TimeSpan.Zero || PasswordResetPollInterval > TimeSpan.FromMinutes(1))
        {
            yield return "Directory:Graph:PasswordResetPollInterval must be between 0 and 1 minute.";
        }

        if (PasswordResetPollAttempts is < 1 or > 100)
        {
            yield return "Directory:Graph:PasswordResetPollAttempts must be between 1 and 100.";
        }

        if (ContactHistoryWindow < TimeSpan.FromDays(1) || ContactHistoryWindow > TimeSpan.FromDays(30))
        {
            yield return "Directory:Graph:ContactHistoryWindow must be between 1 and 30 days, the audit log's retention.";
        }

        if (RevocationClockTolerance < TimeSpan.Zero || RevocationClockTolerance > TimeSpan.FromMinutes(10))
        {
            yield return "Directory:Graph:RevocationClockTolerance must be between 0 and 10 minutes.";
        }
    }

    private static bool IsDomainName(string? value) =>
        !string.IsNullOrWhiteSpace(value) && value.Contains('.') && Uri.CheckHostName(value) == UriHostNameType.Dns;
}
