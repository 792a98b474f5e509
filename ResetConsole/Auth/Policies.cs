using Microsoft.AspNetCore.Authorization;

namespace ResetConsole.Auth;

/// <summary>Named authorization policies. Pages and services refer to these, never to role strings.</summary>
public static class Policies
{
    public const string Staff = nameof(Staff);
    public const string Agent = nameof(Agent);
    public const string Supervisor = nameof(Supervisor);
    public const string SecurityLead = nameof(SecurityLead);
    public const string Auditor = nameof(Auditor);
    public const string PolicyAdmin = nameof(PolicyAdmin);

    /// <summary>Anyone who works recovery cases or oversees them may read the directory.</summary>
    public const string ViewAccounts = nameof(ViewAccounts);

    /// <summary>Recovery cases: agents see their own, supervisors, security leads and auditors all.</summary>
    public const string ViewCases = nameof(ViewCases);

    /// <summary>Anyone signed in, with or without a console role: the demo outbox and a subject's or manager's answer page.</summary>
    public const string SignedIn = nameof(SignedIn);

    /// <summary>The supervisor queue: supervisors and security leads decide, auditors read.</summary>
    public const string ViewApprovals = nameof(ViewApprovals);

    /// <summary>The security queue: security leads decide, auditors read.</summary>
    public const string ViewSecurityQueue = nameof(ViewSecurityQueue);

    /// <summary>Reads the policy, the simulator and the controls it covers.</summary>
    public const string ViewPolicy = nameof(ViewPolicy);

    /// <summary>The security dashboard: security leads, and auditors read-only.</summary>
    public const string ViewSecurity = nameof(ViewSecurity);

    /// <summary>Incident reviews: security leads run them, policy admins read them to draft changes, auditors read.</summary>
    public const string ViewIncidents = nameof(ViewIncidents);

    /// <summary>Drafting a policy change: policy admins and security leads; a different security lead approves it.</summary>
    public const string ProposePolicy = nameof(ProposePolicy);

    public static AuthorizationBuilder AddConsolePolicies(this AuthorizationBuilder builder) => builder
        .AddPolicy(Staff, p => p.RequireAuthenticatedUser().RequireRole(Roles.All))
        .AddPolicy(Agent, p => p.RequireRole(Roles.Agent))
        .AddPolicy(Supervisor, p => p.RequireRole(Roles.Supervisor))
        .AddPolicy(SecurityLead, p => p.RequireRole(Roles.SecurityLead))
        .AddPolicy(Auditor, p => p.RequireRole(Roles.Auditor))
        .AddPolicy(PolicyAdmin, p => p.RequireRole(Roles.PolicyAdmin))
        .AddPolicy(ViewAccounts, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.SecurityLead, Roles.Auditor))
        .AddPolicy(ViewCases, p => p.RequireRole(Roles.Agent, Roles.Supervisor, Roles.SecurityLead, Roles.Auditor))
        .AddPolicy(ViewApprovals, p => p.RequireRole(Roles.Supervisor, Roles.SecurityLead, Roles.Auditor))
        .AddPolicy(ViewSecurityQueue, p => p.RequireRole(Roles.SecurityLead, Roles.Auditor))
        .AddPolicy(SignedIn, p => p.RequireAuthenticatedUser())
        .AddPolicy(ViewPolicy, p => p.RequireRole(Roles.PolicyAdmin, Roles.SecurityLead, Roles.Auditor))
        .AddPolicy(ViewSecurity, p => p.RequireRole(Roles.SecurityLead, Roles.Auditor))
        .AddPolicy(ViewIncidents, p => p.RequireRole(Roles.SecurityLead, Roles.PolicyAdmin, Roles.Auditor))
        .AddPolicy(ProposePolicy, p => p.RequireRole(Roles.PolicyAdmin, Roles.SecurityLead));
}
