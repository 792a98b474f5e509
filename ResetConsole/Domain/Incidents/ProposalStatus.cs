namespace ResetConsole.Domain.Incidents;

public enum ProposalStatus
{
    /// <summary>Waiting for a security lead other than the proposer.</summary>
    Proposed,

    /// <summary>Approved by a second person and stored as the new active policy version.</summary>
    Activated,
    Rejected,

    /// <summary>Taken back by the person who proposed it.</summary>
    Withdrawn,
}
