namespace ResetConsole.Policy;

public sealed record PolicyTestResult(string CaseName, string Source, bool Passed, string Message);
