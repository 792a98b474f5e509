namespace ResetConsole.Features.Incidents;

/// <summary>One line of a diff, with its 1-based number in the old text, the new text, or both.</summary>
public sealed record DiffLine(DiffKind Kind, int? OldNumber, int? NewNumber, string Text);
