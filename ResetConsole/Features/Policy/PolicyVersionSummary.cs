namespace ResetConsole.Features.Policy;

/// <summary>One row of the version history. Author is who proposed it; a proposal and an incident are named when it came from one.</summary>
public sealed record PolicyVersionSummary(
    int Number, string Sha256, string AuthorName, string ApproverName, string Reason, DateTimeOffset ActivatedAt, bool IsActive)
{
    public Guid? ProposalId { get; init; }

    public Guid? IncidentId { get; init; }
}
