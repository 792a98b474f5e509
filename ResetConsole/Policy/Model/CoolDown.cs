namespace ResetConsole.Policy;

/// <summary>A wait between approval and execution during which the listed parties may cancel.</summary>
public sealed record CoolDown(TimeSpan Duration, IReadOnlyList<CancelParty> CancelBy, IReadOnlyList<string> Controls);
