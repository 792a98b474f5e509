using ResetConsole.Auth;
using ResetConsole.Domain.Cases;

namespace ResetConsole.Features.Cases;

/// <summary>Who may see and who may work a case. Checked by services on every call, whatever the page showed.</summary>
public static class CaseAccess
{
    public static readonly string[] Readers = [Roles.Agent, Roles.Supervisor, Roles.SecurityLead, Roles.Auditor];
    public static readonly string[] Freezers = [Roles.Agent, Roles.Supervisor, Roles.SecurityLead];

    public static bool CanRead(StaffActor actor, RecoveryCase recoveryCase) =>
        actor.Has(Roles.Supervisor) || actor.Has(Roles.SecurityLead) || actor.Has(Roles.Auditor) || IsOpener(actor, recoveryCase);

    public static bool IsOpener(StaffActor actor, RecoveryCase recoveryCase) => recoveryCase.OpenedById == actor.Id;

    /// <summary>Only the agent who opened the case records its verification.</summary>
    public static void EnsureWorker(StaffActor actor, RecoveryCase recoveryCase)
    {
        if (!actor.Has(Roles.Agent) || !IsOpener(actor, recoveryCase))
        {
            throw new AccessRefusedException("Only the agent who opened this case can record its verification.");
        }
    }

    /// <summary>The opener, a supervisor or a security lead may freeze for suspected social engineering.</summary>
    public static void EnsureCanFreeze(StaffActor actor, RecoveryCase recoveryCase)
    {
        if (!(IsOpener(actor, recoveryCase) || actor.Has(Roles.Supervisor) || actor.Has(Roles.SecurityLead)))
        {
            throw new AccessRefusedException("Only the case's agent, a supervisor or a security lead can freeze it.");
        }
    }
}
