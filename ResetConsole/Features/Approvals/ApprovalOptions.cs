namespace ResetConsole.Features.Approvals;

/// <summary>The <c>Approvals</c> section.</summary>
public sealed class ApprovalOptions
{
    public const string Section = "Approvals";

    /// <summary>How often the worker looks for overdue items and lapsed approvals.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Where an escalation to a role is sent (role name → mailbox).</summary>
    public Dictionary<string, string> EscalationAddresses { get; set; } = new()
    {
        ["SecurityLead"] = "security-leads@northwind.example",
        ["Supervisor"] = "helpdesk-supervisors@northwind.example",
    };
}
