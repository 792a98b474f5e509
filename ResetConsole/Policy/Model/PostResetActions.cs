namespace ResetConsole.Policy;

public sealed record PostResetActions(
    bool RevokeSessions,
    bool NotifySubjectAtAllContacts,
    bool NotifyManager,
    bool RequireChangeAtNextSignIn,
    TimeSpan TemporaryAccessPassLifetime,
    IReadOnlyList<string> Controls);
