namespace ResetConsole.Domain.Incidents;

/// <summary>An incident review or policy proposal rule refused the action. The message is safe to show.</summary>
public class IncidentRuleException(string message) : Exception(message);
