namespace ResetConsole.Auth;

/// <summary>The console's roles, as they appear in the role claim after mapping.</summary>
public static class Roles
{
    public const string Agent = "Agent";
    public const string Supervisor = "Supervisor";
    public const string SecurityLead = "SecurityLead";
    public const string Auditor = "Auditor";
    public const string PolicyAdmin = "PolicyAdmin";

    public static readonly IReadOnlyList<string> All = [Agent, Supervisor, SecurityLead, Auditor, PolicyAdmin];
}
