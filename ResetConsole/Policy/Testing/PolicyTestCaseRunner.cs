namespace ResetConsole.Policy;

/// <summary>
/// Runs policy test cases against any compiled policy, so the suite and the console (for a proposed version) share it.
/// A failure message names the case and each difference.
/// </summary>
public static class PolicyTestCaseRunner
{
    public static IReadOnlyList<PolicyTestResult> RunAll(CompiledPolicy policy, IEnumerable<PolicyTestCase> cases) =>
        [.. cases.Select(c => Run(policy, c))];

    public static PolicyTestResult Run(CompiledPolicy policy, PolicyTestCase testCase)
    {
        var decision = policy.Evaluate(testCase.Subject, testCase.Action, testCase.Context);
        var expect = testCase.Expect;
        var differences = new List<string>();
        Compare(differences, "tier", expect.Tier, decision.Tier.Id);
        Compare(differences, "base tier", expect.BaseTier, decision.BaseTier.Id);
        Compare(differences, "reasons", expect.Reasons, decision.Reasons.Select(r => r.Text));
        Compare(differences, "signals", expect.Signals, decision.Signals.Select(s => s.Id));
        Compare(differences, "steps", expect.Steps, decision.Steps.Select(s => s.Describe()));
        Compare(differences, "approval queue", Name(expect.ApprovalQueue), PolicyNames<ApprovalQueue>.Name(decision.Approval.Queue));
        Compare(differences, "approvals required", expect.ApprovalsRequired?.ToString(), decision.Approval.Required.ToString());
        Compare(differences, "vendor", Vendor(expect.VendorAllowed), Vendor(decision.Vendor.Allowed)!);
        Compare(differences, "effective action", Name(expect.EffectiveAction), PolicyNames<RequestedAction>.Name(decision.EffectiveAction));
        Compare(differences, "exceptions", expect.Exceptions, decision.Exceptions.Select(e => e.Id));
        var passed = differences.Count == 0;
        var message = passed
            ? $"case '{testCase.Name}' ({testCase.Source}) passed"
            : $"case '{testCase.Name}' ({testCase.Source}) failed: {string.Join("; ", differences)}";
        return new PolicyTestResult(testCase.Name, testCase.Source, passed, message);
    }

    private static void Compare(List<string> differences, string what, string? expected, string actual)
    {
        if (expected is not null && expected != actual)
        {
            differences.Add($"{what}: expected '{expected}', got '{actual}'");
        }
    }

    private static void Compare(List<string> differences, string what, IReadOnlyList<string>? expected, IEnumerable<string> actual)
    {
        var got = actual.ToList();
        if (expected is not null && !expected.SequenceEqual(got))
        {
            differences.Add($"{what}: expected [{string.Join(", ", expected)}], got [{string.Join(", ", got)}]");
        }
    }

    private static string? Name<TEnum>(TEnum? value)
        where TEnum : struct, Enum => value is { } v ? PolicyNames<TEnum>.Name(v) : null;

    private static string? Vendor(bool? allowed) => allowed switch
    {
        true => "allowed",
        false => "refused",
        null => null,
    };
}
