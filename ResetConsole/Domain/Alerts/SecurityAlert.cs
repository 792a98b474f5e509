namespace ResetConsole.Domain.Alerts;

/// <summary>
/// Something a security lead should see, stored with the change that caused it. The summary names methods, rules
/// and people of the console; never a code, a secret or a contact value.
/// </summary>
public sealed class SecurityAlert
{
    public Guid Id { get; set; }
    public DateTimeOffset At { get; set; }
    public AlertKind Kind { get; set; }
    public AlertSeverity Severity { get; set; }
    public Guid? CaseId { get; set; }
    public string? CaseReference { get; set; }
    public string? SubjectId { get; set; }
    public string? SubjectDisplayName { get; set; }
    public string? ActorId { get; set; }
    public string? ActorName { get; set; }
    public required string Summary { get; set; }
}
