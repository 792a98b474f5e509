using ResetConsole.Domain.Cases;

namespace ResetConsole.Features.Execution;

internal static partial class ExecutionLog
{
    [LoggerMessage(EventId = 9001, Level = LogLevel.Warning, Message = "Side effect {Kind} of case {CaseId} failed (transient={Transient})")]
    public static partial void SideEffectFailed(ILogger logger, Guid caseId, SideEffectKind kind, bool transient);

    [LoggerMessage(EventId = 9002, Level = LogLevel.Information, Message = "Case {CaseId} execution settled as {Status}")]
    public static partial void Settled(ILogger logger, Guid caseId, CaseStatus status);

    [LoggerMessage(EventId = 9003, Level = LogLevel.Error, Message = "The execution sweep failed; it runs again at the next interval")]
    public static partial void SweepFailed(ILogger logger, Exception exception);
}
