namespace ResetConsole.Policy;

/// <summary>
/// Who must approve before execution. <see cref="Excluded"/> always holds vendor agents, the requester, the verifier
/// and the subject: the app enforces it against current data.
/// </summary>
public sealed record ApprovalRequirement(
    ApprovalQueue Queue,
    int Required,
    TimeSpan Validity,
    TimeSpan Sla,
    string? EscalateTo,
    IReadOnlyList<string> EligibleRoles,
    IReadOnlyList<ApprovalExclusion> Excluded,
    IReadOnlyList<string> Controls)
{
    public bool IsRequired => Queue != ApprovalQueue.None && Required > 0;
}
