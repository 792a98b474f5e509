namespace ResetConsole.Policy;

public sealed record Verdict(bool Allowed, string Reason);
