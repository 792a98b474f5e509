namespace ResetConsole.Domain.Cases;

/// <summary>
/// After a suspected social-engineering attempt the account takes no new recovery cases until <see cref="Until"/>,
/// unless a security lead releases it with a reason.
/// </summary>
public sealed class SubjectProtection
{
    public Guid Id { get; set; }
    public required string SubjectId { get; set; }
    public required string SubjectDisplayName { get; set; }
    public Guid CaseId { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset ProtectedAt { get; set; }
    public DateTimeOffset Until { get; set; }
    public DateTimeOffset? ReleasedAt { get; set; }
    public string? ReleasedById { get; set; }
    public string? ReleaseReason { get; set; }

    public bool IsActive(DateTimeOffset now) => ReleasedAt is null && Until > now;
}
