namespace ResetConsole.Policy;

/// <summary>An anomaly that raises the tier by <see cref="RaiseLevels"/> and/or adds steps; it never lowers.</summary>
public sealed record StepUpSignal(
    string Id,
    string Description,
    SignalTrigger Trigger,
    int RaiseLevels,
    IReadOnlyList<ScriptStep> AddSteps,
    IReadOnlyList<string> Controls,
    SourcePosition At);
