using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory.Demo;

/// <summary>A demo directory account as stored in SQLite. The demo connector maps it to a <see cref="Subject"/>.</summary>
public sealed class DemoAccount
{
    public required string Id { get; set; }
    public required string Username { get; set; }
    public required string DisplayName { get; set; }
    public string? EmployeeId { get; set; }
    public SubjectKind Kind { get; set; }
    public string Department { get; set; } = string.Empty;
    public string Title { get; set; } = string.Empty;
    public string? ManagerId { get; set; }
    public string? OwnerId { get; set; }
    public List<string> Groups { get; set; } = [];
    public List<string> AdminRoles { get; set; } = [];
    public Dictionary<string, string> Attributes { get; set; } = [];
    public bool IsLocked { get; set; }
    public DateTimeOffset? LastCredentialResetAt { get; set; }

    /// <summary>PBKDF2 hash of the current password or secret; the demo never keeps one in clear.</summary>
    public string? CredentialHash { get; set; }
    public bool MustChangeCredential { get; set; }

    /// <summary>Lower-cased name, username and employee id, so search is one indexed-free LIKE over a few hundred rows.</summary>
    public string SearchText { get; set; } = string.Empty;

    public List<DemoContact> Contacts { get; set; } = [];
    public List<DemoAuthenticator> Authenticators { get; set; } = [];
    public List<DemoSession> Sessions { get; set; } = [];
}
