namespace ResetConsole.Policy;

/// <summary>One rule that implements a control: its kind ("tier rule", "step", ...), id and a short description.</summary>
public sealed record ControlImplementation(string RuleKind, string RuleId, string Description);
