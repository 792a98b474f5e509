namespace ResetConsole.Domain.Cases;

public static class CaseStatusExtensions
{
    /// <summary>Open cases block a second case for the same account and action.</summary>
    public static bool IsOpen(this CaseStatus status) =>
        status is not (CaseStatus.Completed or CaseStatus.Rejected or CaseStatus.Abandoned);

    public static string Label(this CaseStatus status) => status switch
    {
        CaseStatus.AwaitingApproval => "Awaiting approval",
        CaseStatus.CoolingDown => "Cooling down",
        CaseStatus.NeedsAttention => "Needs attention",
        _ => status.ToString(),
    };
}
