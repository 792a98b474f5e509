using MudBlazor;
using ResetConsole.Auth;

namespace ResetConsole.Components.Layout;

/// <summary>The drawer's entries, each shown only to people its policy admits. The pages enforce the same policies.</summary>
public static class ConsoleNavigation
{
    public static readonly IReadOnlyList<NavItem> Items =
    [
        new("Home", "/", Icons.Material.Filled.Home, Policies.Staff),
        new("Cases", "/cases", Icons.Material.Filled.Assignment, Policies.ViewCases),
        new("Supervisor queue", "/approvals/supervisor", Icons.Material.Filled.HowToReg, Policies.ViewApprovals, Counter: NavCounter.SupervisorQueue),
        new("Security queue", "/approvals/security", Icons.Material.Filled.Security, Policies.ViewSecurityQueue, Counter: NavCounter.SecurityQueue),
        new("Security dashboard", "/security", Icons.Material.Filled.Shield, Policies.ViewSecurity),
        new("Trends", "/security/trends", Icons.Material.Filled.Insights, Policies.ViewSecurity),
        new("Audit trail", "/audit", Icons.Material.Filled.ReceiptLong, Policies.ViewSecurity),
        new("Accounts", "/accounts", Icons.Material.Filled.People, Policies.ViewAccounts),
        new("Incidents", "/incidents", Icons.Material.Filled.ReportProblem, Policies.ViewIncidents),
        new("Policy", "/policy", Icons.Material.Filled.Policy, Policies.ViewPolicy),
        new("Simulator", "/policy/simulator", Icons.Material.Filled.Science, Policies.ViewPolicy),
        new("Controls", "/policy/controls", Icons.Material.Filled.FactCheck, Policies.ViewPolicy),
        new("Demo outbox", "/demo/outbox", Icons.Material.Filled.Outbox, Policies.SignedIn, DemoOnly: true),
    ];
}
