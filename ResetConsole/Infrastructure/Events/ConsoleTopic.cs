namespace ResetConsole.Infrastructure.Events;

public enum ConsoleTopic
{
    CaseChanged,
    ChallengeChanged,
    OutboxChanged,
    AlertRaised,
}
