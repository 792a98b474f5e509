namespace ResetConsole.Auth;

/// <summary>
/// A person who has signed in to the console, keyed by issuer and subject. The identity provider is the source of
/// truth for roles; this record lets the console switch a person off at once and notice role changes.
/// </summary>
public sealed class StaffMember
{
    public Guid Id { get; set; }
    public required string Issuer { get; set; }
    public required string SubjectId { get; set; }
    public required string DisplayName { get; set; }
    public string? Username { get; set; }

    /// <summary>Console roles granted at the last sign-in, sorted and comma-separated.</summary>
    public string Roles { get; set; } = string.Empty;
    public bool IsVendor { get; set; }
    public bool IsActive { get; set; } = true;
    public DateTimeOffset FirstSignInAt { get; set; }
    public DateTimeOffset LastSignInAt { get; set; }

    /// <summary>Sign-ins issued before this moment are no longer honoured (set when a person is switched off).</summary>
    public DateTimeOffset? SessionsValidFrom { get; set; }
}
