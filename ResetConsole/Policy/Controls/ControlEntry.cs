namespace ResetConsole.Policy;

public sealed record ControlEntry(string ControlId, IReadOnlyList<ControlImplementation> ImplementedBy);
