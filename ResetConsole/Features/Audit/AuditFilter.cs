namespace ResetConsole.Features.Audit;

/// <summary>
/// What the audit page and the exports filter on. <see cref="Account"/> is a username or an account id;
/// <see cref="Case"/> a case id or its reference (RC-XXXXXXXX); <see cref="Action"/> matches from the start
/// ("case." finds every case action).
/// </summary>
public sealed record AuditFilter(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? Actor = null,
    string? Account = null,
    string? Case = null,
    string? Action = null,
    string? Outcome = null);

/// <summary>One line of the trail as readers see it.</summary>
public sealed record AuditLine(
    long Sequence,
    DateTimeOffset At,
    string? ActorId,
    string? ActorName,
    string? ActorRoles,
    bool ActorIsVendor,
    string Action,
    string Outcome,
    Guid? CaseId,
    string? SubjectId,
    string DetailsJson,
    string Hash)
{
    public string? CaseReference => CaseId is { } id ? $"RC-{id.ToString("N")[..8].ToUpperInvariant()}" : null;
}

public sealed record AuditPageResult(IReadOnlyList<AuditLine> Items, int Total);
