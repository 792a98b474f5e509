namespace ResetConsole.Policy;

public sealed record PolicyTestCaseLoadResult(IReadOnlyList<PolicyTestCase> Cases, IReadOnlyList<PolicyError> Errors);
