namespace ResetConsole.Domain.Incidents;

/// <summary>A case in an incident, as it stood when it was added: enough to list it without reading the case.</summary>
public sealed class IncidentCase
{
    public Guid CaseId { get; init; }
    public required string Reference { get; init; }
    public required string SubjectId { get; init; }
    public required string SubjectName { get; init; }
    public required string SubjectUsername { get; init; }
    public required string TierId { get; init; }
    public int PolicyVersion { get; init; }
    public required string StatusWhenAdded { get; init; }
    public DateTimeOffset AddedAt { get; init; }
}
