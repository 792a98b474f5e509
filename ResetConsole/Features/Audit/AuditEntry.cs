namespace ResetConsole.Features.Audit;

/// <summary>One line of the audit trail. Appended in the same transaction as the change it records.</summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }
    public DateTimeOffset At { get; set; }
    public string? ActorIssuer { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    public string? ActorRoles { get; set; }
    public bool ActorIsVendor { get; set; }
    public required string Action { get; set; }
    public required string Outcome { get; set; }
    public Guid? CaseId { get; set; }
    public string? SubjectId { get; set; }
    public required string DetailsJson { get; set; }
    public required string PreviousHash { get; set; }
    public required string Hash { get; set; }
}
