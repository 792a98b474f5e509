namespace ResetConsole.Policy;

public enum SignalKind
{
    ResetWithin,
    ContactChangedWithin,
    FailedVerificationsAtLeast,
    OutsideBusinessHours,
    AgentCasesPerHourAbove,
    Channel,
    FrozenWithin,
}
