namespace ResetConsole.Domain.Incidents;

/// <summary>
/// A security lead's review of one or more recovery cases that went wrong or nearly did (a suspected social-engineering
/// attempt, a misused exception): what happened, what was found, and any policy change it leads to. People rules
/// (who may open or edit one) are checked by the service against current roles.
/// </summary>
public sealed class Incident
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; set; }
    public required string Title { get; set; }
    public string Findings { get; set; } = string.Empty;
    public IncidentStatus Status { get; set; }
    public List<IncidentCase> Cases { get; set; } = [];
    public required string OpenedById { get; set; }
    public required string OpenedByName { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public string? FindingsById { get; set; }
    public string? FindingsByName { get; set; }
    public DateTimeOffset? FindingsAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string? ClosedById { get; set; }
    public string? ClosedByName { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? ClosingNote { get; set; }
    public int Version { get; set; }

    public string Reference => $"IR-{Id.ToString("N")[..8].ToUpperInvariant()}";

    public IReadOnlyList<string> SubjectIds => [.. Cases.Select(c => c.SubjectId).Distinct()];

    public static Incident Open(string title, string? findings, IReadOnlyList<IncidentCase> cases, string byId, string byName, DateTimeOffset now)
    {
        if (cases.Count == 0)
        {
            throw new IncidentRuleException("An incident needs at least one case.");
        }

        if (cases.DistinctBy(c => c.CaseId).Count() != cases.Count)
        {
            throw new IncidentRuleException("A case is listed twice.");
        }

        var trimmed = Required(title, "A title is required: what happened, in a few words.");
        if (trimmed.Length > MaxTitleLength)
        {
            throw new IncidentRuleException($"Keep the title to {MaxTitleLength} characters; the findings hold the detail.");
        }

        var incident = new Incident
        {
            Id = Guid.CreateVersion7(now),
            Title = trimmed,
            Status = IncidentStatus.Open,
            Cases = [.. cases],
            OpenedById = byId,
            OpenedByName = byName,
            OpenedAt = now,
            UpdatedAt = now,
        };
        if (!string.IsNullOrWhiteSpace(findings))
        {
            incident.SetFindings(findings, byId, byName, now);
        }

        return incident;
    }

    public void AddCase(IncidentCase incidentCase, DateTimeOffset now)
    {
        EnsureOpen();
        if (Cases.Exists(c => c.CaseId == incidentCase.CaseId))
        {
            throw new IncidentRuleException($"{incidentCase.Reference} is already part of {Reference}.");
        }

        Cases.Add(incidentCase);
        Touch(now);
    }

    public void RecordFindings(string findings, string byId, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        SetFindings(Required(findings, "Findings are required: what the review found."), byId, byName, now);
    }

    public void Close(string note, string byId, string byName, DateTimeOffset now)
    {
        EnsureOpen();
        if (string.IsNullOrWhiteSpace(Findings))
        {
            throw new IncidentRuleException("Record the findings before closing the incident.");
        }

        ClosingNote = Required(note, "A closing note is required.");
        Status = IncidentStatus.Closed;
        ClosedById = byId;
        ClosedByName = byName;
        ClosedAt = now;
        Touch(now);
    }

    public void EnsureOpen()
    {
        if (Status != IncidentStatus.Open)
        {
            throw new IncidentRuleException($"{Reference} is closed.");
        }
    }

    private void SetFindings(string findings, string byId, string byName, DateTimeOffset now)
    {
        Findings = findings.Trim();
        FindingsById = byId;
        FindingsByName = byName;
        FindingsAt = now;
        Touch(now);
    }

    private void Touch(DateTimeOffset now)
    {
        UpdatedAt = now;
        Version++;
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new IncidentRuleException(message) : text.Trim();
}
