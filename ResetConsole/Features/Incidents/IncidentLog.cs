namespace ResetConsole.Features.Incidents;

internal static partial class IncidentLog
{
    [LoggerMessage(EventId = 3101, Level = LogLevel.Information, Message = "Incident {IncidentId} opened with {CaseCount} case(s) by {ActorId}")]
    public static partial void Opened(ILogger logger, Guid incidentId, int caseCount, string actorId);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Information, Message = "Policy change {ProposalId} proposed by {ActorId} against version {BaseVersion}")]
    public static partial void Proposed(ILogger logger, Guid proposalId, string actorId, int baseVersion);

    [LoggerMessage(EventId = 3103, Level = LogLevel.Warning,
        Message = "Policy version {Version} (sha256 {Sha256}) is active for new cases: proposed by {ProposerId}, approved by {ApproverId}")]
    public static partial void Activated(ILogger logger, int version, string sha256, string proposerId, string approverId);
}
