namespace ResetConsole.Features.Incidents;

public enum DiffKind
{
    Same,
    Added,
    Removed,

    /// <summary>A run of unchanged lines left out of a collapsed diff; its text says how many.</summary>
    Skipped,
}
