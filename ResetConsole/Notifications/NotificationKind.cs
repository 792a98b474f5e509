namespace ResetConsole.Notifications;

public enum NotificationKind
{
    OneTimeCode,
    PushRequest,
    AttestationRequest,
    IdentityCheckRequest,
    RecoveryNotice,
    Escalation,
}
