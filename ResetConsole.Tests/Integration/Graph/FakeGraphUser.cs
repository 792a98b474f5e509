namespace ResetConsole.Tests.Integration.Graph;

/// <summary>A user in the fake tenant, with the state the connector reads and changes.</summary>
public sealed class FakeGraphUser
{
    public required string Id { get; init; }
    public required string UserPrincipalName { get; init; }
    public required string DisplayName { get; init; }
    public string? Mail { get; set; }
    public string? MobilePhone { get; set; }
    public string? EmployeeId { get; init; }
    public string? EmployeeType { get; init; }
    public string UserType { get; init; } = "Member";
    public string? Department { get; init; }
    public string? JobTitle { get; init; }
    public bool AccountEnabled { get; set; } = true;
    public string? ManagerId { get; init; }
    public DateTimeOffset SignInSessionsValidFrom { get; set; } = new(2026, 1, 5, 8, 0, 0, TimeSpan.Zero);
    public DateTimeOffset? LastPasswordChange { get; set; } = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    public List<string> Groups { get; init; } = [];
    public List<string> Roles { get; init; } = [];
    public List<string> EligibleRoles { get; init; } = [];
    public List<FakeGraphMethod> Methods { get; init; } = [];

    /// <summary>Audit-log entries: the modified property's display name ("Mobile", "Email") and when.</summary>
    public List<(string Property, DateTimeOffset At)> ContactChanges { get; init; } = [];

    public string? Password { get; set; }
    public bool? ForceChangePasswordNextSignIn { get; set; }
}
