namespace ResetConsole.Features.Verification;

public enum CallbackOutcome
{
    /// <summary>The person at the number of record confirmed they made the request.</summary>
    Confirmed,

    /// <summary>Nobody answered; counts as an attempt.</summary>
    NoAnswer,

    /// <summary>The person at the number of record did not make the request: the case freezes.</summary>
    Denied,
}
