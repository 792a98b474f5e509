namespace ResetConsole.Directory.Demo;

/// <summary>Usernames of the demo accounts that the scenarios, tests and docs rely on.</summary>
public static class DemoAccounts
{
    public const string StandardEmployee = "alex.morgan";
    public const string TeamLead = "sam.okafor";
    public const string Contractor = "jamie.lee";
    public const string FinanceApprover = "fiona.grant";
    public const string Ceo = "elena.vasquez";
    public const string ExecutiveAbroad = "omar.haddad";
    public const string DomainAdmin = "adm.raj.patel";
    public const string GlobalAdmin = "adm.chloe.martin";
    public const string PayrollSyncService = "svc-payroll-sync";
    public const string BuildAgentService = "svc-build-agent";
    public const string PhoneRecentlyChanged = "tom.becker";
    public const string Locked = "nora.quinn";
    public const string NoEnrolledDevice = "priya.shah";
    public const string ResetYesterday = "paul.reyes";

    public static IReadOnlyList<string> All { get; } =
    [
        StandardEmployee, TeamLead, Contractor, FinanceApprover, Ceo, ExecutiveAbroad, DomainAdmin, GlobalAdmin,
        PayrollSyncService, BuildAgentService, PhoneRecentlyChanged, Locked, NoEnrolledDevice, ResetYesterday,
    ];
}
