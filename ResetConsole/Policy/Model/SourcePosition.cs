namespace ResetConsole.Policy;

/// <summary>Where a policy element was written (1-based), so errors and the simulator can point at the YAML.</summary>
public readonly record struct SourcePosition(int Line, int Column)
{
    public override string ToString() => $"line {Line}, column {Column}";
}
