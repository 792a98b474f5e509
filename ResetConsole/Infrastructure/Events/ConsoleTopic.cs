namespace ResetConsole.Infrastructure.Events;

public enum ConsoleTopic
{
    CaseChanged,
    ChallengeChanged,
    OutboxChanged,
    AlertRaised,

    /// <summary>An exception was requested, decided, reviewed or ended.</summary>
    ExceptionChanged,
}
