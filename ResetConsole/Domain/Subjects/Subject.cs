namespace ResetConsole.Domain.Subjects;

/// <summary>
/// A snapshot of the account being recovered, as a directory connector reads it. Authoritative attributes only:
/// nothing here comes from the caller or the agent.
/// </summary>
public sealed record Subject
{
    public required string Id { get; init; }
    public required string Username { get; init; }
    public required string DisplayName { get; init; }
    public string? EmployeeId { get; init; }
    public required SubjectKind Kind { get; init; }
    public string Department { get; init; } = string.Empty;
    public string Title { get; init; } = string.Empty;
    public string? ManagerId { get; init; }
    public string? ManagerName { get; init; }

    /// <summary>The accountable owner of a non-human identity.</summary>
    public string? OwnerId { get; init; }
    public string? OwnerName { get; init; }
    public IReadOnlyList<string> Groups { get; init; } = [];
    public IReadOnlyList<string> AdminRoles { get; init; } = [];
    public IReadOnlyDictionary<string, string> Attributes { get; init; } = new Dictionary<string, string>();
    public IReadOnlyList<ContactOfRecord> Contacts { get; init; } = [];
    public IReadOnlyList<EnrolledAuthenticator> Authenticators { get; init; } = [];
    public IReadOnlyList<ActiveSession> Sessions { get; init; } = [];
    public bool IsLocked { get; init; }

    /// <summary>When a credential was last reset by the helpdesk or an administrator, if known.</summary>
    public DateTimeOffset? LastCredentialResetAt { get; init; }

    public bool IsNonHuman => Kind == SubjectKind.Service;
}
