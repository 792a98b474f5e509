namespace ResetConsole.Policy;

/// <summary>
/// One stored version of the recovery policy. The text is kept whole, so any case can be re-evaluated under the
/// version it was opened with; <see cref="Sha256"/> proves which text that was.
/// </summary>
public sealed class PolicyVersion
{
    public int Number { get; set; }
    public required string Sha256 { get; set; }
    public required string Yaml { get; set; }
    public required string AuthorId { get; set; }
    public required string AuthorName { get; set; }
    public required string ApproverId { get; set; }
    public required string ApproverName { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ActivatedAt { get; set; }

    /// <summary>The approved proposal this version came from; null for the version seeded from the file.</summary>
    public Guid? ProposalId { get; set; }

    /// <summary>The incident review that led to it, if any.</summary>
    public Guid? IncidentId { get; set; }
}
