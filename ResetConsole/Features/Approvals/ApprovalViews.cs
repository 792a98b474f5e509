using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>One row of a live approval queue.</summary>
public sealed record QueueItem(
    Guid CaseId,
    string SubjectDisplayName,
    string SubjectUsername,
    string TierId,
    string TierName,
    int TierRank,
    bool TierIsNonHuman,
    string Reasons,
    string Signals,
    RequestedAction Action,
    string AgentName,
    string? AgentVendor,
    DateTimeOffset SubmittedAt,
    DateTimeOffset DueAt,
    bool Escalated,
    int Required,
    int Approvals,
    int Version)
{
    public string Reference => $"RC-{CaseId.ToString("N")[..8].ToUpperInvariant()}";
}

public sealed record QueuePage(IReadOnlyList<QueueItem> Items, int TotalCount);

public sealed record QueueQuery(string? TierId = null, int Page = 0, int PageSize = 50);

public sealed record QueueCounts(int Supervisor, int Security);

/// <summary>What an approver reviews, and the hash their decision must carry.</summary>
public sealed record ApprovalReview(RecoveryCase Case, string Hash, string? WhyNot, DateTimeOffset Now)
{
    public bool CanDecide => WhyNot is null;
}
