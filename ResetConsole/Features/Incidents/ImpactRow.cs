using ResetConsole.Domain.Subjects;

namespace ResetConsole.Features.Incidents;

/// <summary>One account under the active policy (before) and the proposed one (after).</summary>
public sealed record ImpactRow(string SubjectId, string Username, string DisplayName, SubjectKind Kind, bool InIncident, ImpactOutcome Before, ImpactOutcome After)
{
    public bool TierChanged => Before.TierId != After.TierId;

    public bool StepsChanged => !Before.Steps.SequenceEqual(After.Steps);

    public bool ApprovalChanged => Before.Approval != After.Approval;

    public bool Changed => TierChanged || StepsChanged || ApprovalChanged;

    public string ChangeText => Changed
        ? string.Join(", ", new[] { (TierChanged, "tier"), (StepsChanged, "steps"), (ApprovalChanged, "approval") }.Where(c => c.Item1).Select(c => c.Item2))
        : "no change";
}
