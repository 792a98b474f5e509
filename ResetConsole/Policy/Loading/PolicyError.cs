namespace ResetConsole.Policy;

/// <summary>One problem in a policy file, at a 1-based line and column.</summary>
public sealed record PolicyError(int Line, int Column, string Message)
{
    public override string ToString() => $"line {Line}, column {Column}: {Message}";
}
