namespace ResetConsole.Policy;

/// <summary>
/// The one condition a step-up signal tests: <see cref="Window"/> for the "-within" kinds, <see cref="Threshold"/>
/// for counts, <see cref="Hours"/> and <see cref="Channels"/> for their kinds.
/// </summary>
public sealed record SignalTrigger(
    SignalKind Kind,
    TimeSpan Window,
    int Threshold,
    BusinessHours? Hours,
    IReadOnlyList<RequestChannel> Channels);
