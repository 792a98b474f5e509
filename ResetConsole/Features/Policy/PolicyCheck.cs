using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>What a proposed policy text gets back: its errors with positions, or the results of the policy's tests.</summary>
public sealed record PolicyCheck(string Sha256, IReadOnlyList<PolicyError> Errors, IReadOnlyList<PolicyTestResult> TestResults)
{
    public bool IsValid => Errors.Count == 0;

    public bool TestsPass => IsValid && TestResults.All(r => r.Passed);
}
