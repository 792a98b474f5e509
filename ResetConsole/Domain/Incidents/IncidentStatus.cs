namespace ResetConsole.Domain.Incidents;

public enum IncidentStatus
{
    /// <summary>Under review: findings may change, cases may be added, policy changes may be proposed from it.</summary>
    Open,

    /// <summary>Reviewed and closed with a note; kept as the record of why any policy change it led to was made.</summary>
    Closed,
}
