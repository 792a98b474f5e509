namespace ResetConsole.Features.Cases;

internal static partial class CaseLog
{
    [LoggerMessage(EventId = 6001, Level = LogLevel.Information, Message = "Case {CaseId} opened at tier {Tier} by {AgentId}")]
    public static partial void Opened(ILogger logger, Guid caseId, string tier, string agentId);

    [LoggerMessage(EventId = 6002, Level = LogLevel.Warning, Message = "Security event: case {CaseId} frozen by {ActorId} for suspected social engineering")]
    public static partial void Frozen(ILogger logger, Guid caseId, string actorId);
}
