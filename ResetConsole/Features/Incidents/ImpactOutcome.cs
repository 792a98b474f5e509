using ResetConsole.Policy;

namespace ResetConsole.Features.Incidents;

/// <summary>What one policy decides for one account, reduced to what a reviewer compares: tier, steps and approval.</summary>
public sealed record ImpactOutcome(string TierId, string TierName, int TierRank, bool TierIsNonHuman, IReadOnlyList<string> Steps, string Approval)
{
    public static ImpactOutcome From(PolicyDecision decision) => new(
        decision.Tier.Id, decision.Tier.Name, decision.Tier.Rank, decision.Tier.IsNonHuman,
        [.. decision.Steps.Select(s => s.Describe())],
        decision.Approval.IsRequired ? $"{decision.Approval.Required} in the {PolicyNames<ApprovalQueue>.Name(decision.Approval.Queue)} queue" : "none");
}
