namespace ResetConsole.Domain.Cases;

public enum ChallengeStatus
{
    Pending,
    Passed,
    Failed,
    Denied,
    Expired,

    /// <summary>A newer challenge for the same step replaced it.</summary>
    Superseded,
}
