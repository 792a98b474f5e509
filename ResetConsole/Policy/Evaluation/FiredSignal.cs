namespace ResetConsole.Policy;

/// <summary>A step-up signal that fired; <see cref="LevelsRaised"/> is what the policy asks for, before capping.</summary>
public sealed record FiredSignal(string Id, string Description, int LevelsRaised, IReadOnlyList<string> Controls);
