namespace ResetConsole.Domain.Alerts;

public enum AlertKind
{
    VerificationFailed,
    CaseFrozen,
    SuspectedSocialEngineering,
    RepeatReset,
    RecentFreeze,
    AgentVelocity,
    PrivilegedReset,
    NotMeReport,
    OutsideBusinessHours,
    NeedsAttention,
    ExceptionGranted,
    ReviewOverdue,
}
