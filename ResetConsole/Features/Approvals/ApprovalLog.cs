namespace ResetConsole.Features.Approvals;

internal static partial class ApprovalLog
{
    [LoggerMessage(EventId = 8001, Level = LogLevel.Information, Message = "Case {CaseId} decision approve={Approved} at tier {Tier} by {ApproverId}")]
    public static partial void Decided(ILogger logger, Guid caseId, bool approved, string tier, string approverId);

    [LoggerMessage(EventId = 8002, Level = LogLevel.Warning, Message = "Security event: approval for case {CaseId} overdue, escalated to {Target}")]
    public static partial void Escalated(ILogger logger, Guid caseId, string target);

    [LoggerMessage(EventId = 8003, Level = LogLevel.Error, Message = "The approval sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
