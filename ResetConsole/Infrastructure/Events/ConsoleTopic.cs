namespace ResetConsole.Infrastructure.Events;

public enum ConsoleTopic
{
    CaseChanged,
    ChallengeChanged,
    OutboxChanged,
    AlertRaised,

    /// <summary>An exception was requested, decided, reviewed or ended.</summary>
    ExceptionChanged,

    /// <summary>An incident review was opened, changed or closed.</summary>
    IncidentChanged,

    /// <summary>A policy change was proposed or decided; an approval also means a new active version.</summary>
    PolicyChanged,
}
