using ResetConsole.Domain.Subjects;

namespace ResetConsole.Directory;

/// <summary>One row of an account search. Contacts are already masked.</summary>
public sealed record SubjectSummary(
    string Id,
    string Username,
    string DisplayName,
    string? EmployeeId,
    SubjectKind Kind,
    string Department,
    IReadOnlyList<string> Groups,
    IReadOnlyList<string> MaskedContacts,
    IReadOnlyList<AuthenticatorKind> Authenticators,
    bool IsLocked,
    int ActiveSessions);
