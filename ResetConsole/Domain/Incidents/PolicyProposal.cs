namespace ResetConsole.Domain.Incidents;

/// <summary>
/// A proposed new text of the recovery policy, drafted against one active version, waiting for a second person. The
/// four-eyes rule and the stale-base rule are here; that the text is valid and passes the policy's test cases, and
/// that the approver is a security lead now, the service checks at the moment of each call.
/// </summary>
public sealed class PolicyProposal
{
    public Guid Id { get; set; }
    public required string Yaml { get; set; }
    public required string Sha256 { get; set; }
    public required string Reason { get; set; }
    public Guid? IncidentId { get; set; }

    /// <summary>The active version the text was drafted against; approval is refused once another version is active.</summary>
    public int BaseVersion { get; set; }
    public required string BaseSha256 { get; set; }
    public ProposalStatus Status { get; set; }
    public required string ProposedById { get; set; }
    public required string ProposedByName { get; set; }
    public DateTimeOffset ProposedAt { get; set; }
    public string? DecidedById { get; set; }
    public string? DecidedByName { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }

    /// <summary>The policy version this proposal became, once approved.</summary>
    public int? ActivatedVersion { get; set; }
    public int Version { get; set; }

    public string Reference => $"PC-{Id.ToString("N")[..8].ToUpperInvariant()}";

    public static PolicyProposal Propose(string yaml, string sha256, string reason, Guid? incidentId, int baseVersion, string baseSha256,
        string byId, string byName, DateTimeOffset now)
    {
        if (sha256 == baseSha256)
        {
            throw new IncidentRuleException($"The proposed text is the same as version {baseVersion}, which is active; there is nothing to change.");
        }

        return new PolicyProposal
        {
            Id = Guid.CreateVersion7(now),
            Yaml = yaml,
            Sha256 = sha256,
            Reason = string.IsNullOrWhiteSpace(reason) ? throw new IncidentRuleException("A reason is required: why the policy should change.") : reason.Trim(),
            IncidentId = incidentId,
            BaseVersion = baseVersion,
            BaseSha256 = baseSha256,
            Status = ProposalStatus.Proposed,
            ProposedById = byId,
            ProposedByName = byName,
            ProposedAt = now,
        };
    }

    /// <summary>Why <paramref name="approverId"/> may not approve now, or null when they may.</summary>
    public string? WhyNotApprovable(string approverId, int activeVersion) =>
        Status != ProposalStatus.Proposed ? $"This proposal was already {Status.ToString().ToLowerInvariant()}."
        : approverId == ProposedById ? "You proposed this change; a different security lead must approve it."
        : activeVersion != BaseVersion
            ? $"The active policy changed since this was proposed (drafted against version {BaseVersion}, version {activeVersion} is active now); rebase it on the active version and propose it again."
        : null;

    public void Approve(string approverId, string approverName, int activeVersion, int newVersion, string? note, DateTimeOffset now)
    {
        if (WhyNotApprovable(approverId, activeVersion) is { } why)
        {
            throw new IncidentRuleException(why);
        }

        Status = ProposalStatus.Activated;
        ActivatedVersion = newVersion;
        Decide(approverId, approverName, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
    }

    public void Reject(string byId, string byName, string reason, DateTimeOffset now)
    {
        EnsureProposed();
        if (byId == ProposedById)
        {
            throw new IncidentRuleException("You proposed this change; withdraw it instead.");
        }

        Decide(byId, byName, Required(reason, "A reason is required to reject."), now);
        Status = ProposalStatus.Rejected;
    }

    public void Withdraw(string byId, string byName, string? note, DateTimeOffset now)
    {
        EnsureProposed();
        if (byId != ProposedById)
        {
            throw new IncidentRuleException("Only the person who proposed a change can withdraw it.");
        }

        Decide(byId, byName, string.IsNullOrWhiteSpace(note) ? null : note.Trim(), now);
        Status = ProposalStatus.Withdrawn;
    }

    private void Decide(string byId, string byName, string? note, DateTimeOffset now)
    {
        DecidedById = byId;
        DecidedByName = byName;
        DecidedAt = now;
        DecisionNote = note;
        Version++;
    }

    private void EnsureProposed()
    {
        if (Status != ProposalStatus.Proposed)
        {
            throw new IncidentRuleException($"This proposal was already {Status.ToString().ToLowerInvariant()}.");
        }
    }

    private static string Required(string? text, string message) =>
        string.IsNullOrWhiteSpace(text) ? throw new IncidentRuleException(message) : text.Trim();
}
