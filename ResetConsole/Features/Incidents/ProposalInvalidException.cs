using ResetConsole.Domain.Incidents;
using ResetConsole.Features.Policy;

namespace ResetConsole.Features.Incidents;

/// <summary>A proposed text failed the checker or the policy's test cases. <see cref="Check"/> carries every problem with its line.</summary>
public sealed class ProposalInvalidException(PolicyCheck check) : IncidentRuleException(Describe(check))
{
    public PolicyCheck Check { get; } = check;

    private static string Describe(PolicyCheck check)
    {
        if (!check.IsValid)
        {
            return $"The proposed policy is invalid ({check.Errors.Count} problem(s)): {string.Join("; ", check.Errors.Take(10))}.";
        }

        var failed = check.TestResults.Where(r => !r.Passed).ToList();
        return $"The proposed policy fails {failed.Count} of its {check.TestResults.Count} test cases: {string.Join("; ", failed.Take(5).Select(f => f.Message))}.";
    }
}
