using ResetConsole.Auth;
using ResetConsole.Directory;
using ResetConsole.Domain.Cases;
using ResetConsole.Policy;

namespace ResetConsole.Features.Approvals;

/// <summary>
/// Who may decide a case (NIST 800-53 AC-5, ASVS 2.3.5), checked against current data: never a vendor agent, only the
/// roles the policy names for the queue, never whoever opened or verified the case, never the subject, and never the
/// subject's manager where the policy says so. Returns why not, or null.
/// </summary>
public static class SeparationOfDuties
{
    public static string? WhyNot(StaffActor approver, RecoveryCase recoveryCase, AccountNames? subject)
    {
        if (approver.IsVendor)
        {
            return "Outsourced (vendor) staff never approve.";
        }

        if (!recoveryCase.ApprovalEligibleRoles.Any(approver.Has))
        {
            return $"The {recoveryCase.ApprovalQueue} queue needs the role {string.Join(" or ", recoveryCase.ApprovalEligibleRoles)}.";
        }

        if (recoveryCase.OpenedById == approver.Id)
        {
            return "You opened this case, so you cannot approve it.";
        }

        if (recoveryCase.VerifierIds.Contains(approver.Id))
        {
            return "You recorded verification on this case, so you cannot approve it.";
        }

        if (Same(approver.Username, subject?.Username ?? recoveryCase.SubjectUsername))
        {
            return "This case is about your own account.";
        }

        if (recoveryCase.ApprovalExclusions.Contains(nameof(ApprovalExclusion.SubjectManager)) && Same(approver.Username, subject?.ManagerUsername))
        {
            return "You are the subject's manager of record; the policy needs someone independent for this tier.";
        }

        return null;
    }

    private static bool Same(string? a, string? b) =>
        a is not null && b is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
