namespace ResetConsole.Domain.Cases;

/// <summary>One action of an execution, in the order it runs.</summary>
public enum SideEffectKind
{
    SetTemporaryCredential,
    ResetMfa,
    Unlock,
    IssueTemporaryAccessPass,
    RotateSecret,
    RevokeSessions,
    NotifySubject,
    NotifyManager,
}
