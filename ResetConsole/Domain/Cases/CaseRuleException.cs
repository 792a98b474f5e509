namespace ResetConsole.Domain.Cases;

/// <summary>A case rule refused an action. The message is shown to the person as it is.</summary>
public sealed class CaseRuleException(string message) : Exception(message);
