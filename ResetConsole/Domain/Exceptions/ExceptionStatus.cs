namespace ResetConsole.Domain.Exceptions;

public enum ExceptionStatus
{
    /// <summary>Asked for by an agent, waiting for a person the policy allows to grant or deny it.</summary>
    Requested,

    /// <summary>Granted and not yet past its end time: the step it names is waived.</summary>
    Active,
    Denied,

    /// <summary>Reached its end time; waives nothing any more.</summary>
    Expired,

    /// <summary>Ended early by a security lead, with a reason.</summary>
    Revoked,

    /// <summary>Never granted: the case moved on (closed, frozen, or the step no longer pending).</summary>
    Withdrawn,
}
