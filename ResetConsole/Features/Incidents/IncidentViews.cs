using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Policy;

namespace ResetConsole.Features.Incidents;

public sealed record IncidentSummary(
    Guid Id, string Reference, string Title, IncidentStatus Status, int CaseCount, string OpenedByName, DateTimeOffset OpenedAt, int ProposalCount);

public sealed record IncidentListPage(IReadOnlyList<IncidentSummary> Items, int Total);

/// <summary>An incident for its page, with what the reader may do with it.</summary>
public sealed record IncidentDetails(Incident Incident, bool CanEdit, bool CanPropose, bool CanOpenCases);

/// <summary>An open incident a case can be added to.</summary>
public sealed record IncidentChoice(Guid Id, string Reference, string Title);

/// <summary>An incident a case belongs to, as the case page shows it.</summary>
public sealed record CaseIncident(Guid Id, string Reference, string Title, IncidentStatus Status);

/// <summary>A proposed policy text as it stands now: checker output, diff against its base, and the simulator's before/after.</summary>
public sealed record ProposalReview(PolicyCheck Check, int BaseVersion, int ActiveVersion, IReadOnlyList<DiffLine> Diff, IReadOnlyList<ImpactRow> Impact);

/// <summary>A stored proposal for its page, with what the reader may do with it and, when approval is impossible, why.</summary>
public sealed record ProposalDetails(
    PolicyProposal Proposal, string? IncidentReference, string? IncidentTitle, ProposalReview Review, bool CanDecide, bool CanWithdraw, string? WhyNotApprovable);

public sealed record ProposalSummary(
    Guid Id, ProposalStatus Status, string Reason, string ProposedByName, DateTimeOffset ProposedAt, int BaseVersion, int? ActivatedVersion, Guid? IncidentId)
{
    public string Reference => $"PC-{Id.ToString("N")[..8].ToUpperInvariant()}";
}

/// <summary>What a person proposes: the whole new text, why, and the incident it comes from, if any.</summary>
public sealed record ProposalDraft(string Yaml, string Reason, Guid? IncidentId);
