namespace ResetConsole.Domain.Alerts;

public enum AlertSeverity
{
    Notice,
    Warning,
    High,
}
