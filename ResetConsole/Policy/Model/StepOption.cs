namespace ResetConsole.Policy;

/// <summary>One way to satisfy a step, e.g. a push to an enrolled device.</summary>
public sealed record StepOption(StepKind Kind, StepLimits Limits)
{
    public string KindName => PolicyNames<StepKind>.Name(Kind);
}
