namespace ResetConsole.Policy;

/// <summary>Staff roles a policy may name (DESIGN.md §5); anything else is a typo.</summary>
public static class PolicyRoles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string SecurityLead = "SecurityLead";
    public const string Auditor = "Auditor";
    public const string PolicyAdmin = "PolicyAdmin";

    /// <summary>Roles that may approve cases or grant exceptions: agents run scripts and auditors only read.</summary>
    public static IReadOnlyList<string> Deciders { get; } = [Supervisor, SecurityLead, PolicyAdmin];
}
