namespace ResetConsole.Policy;

public enum RequestChannel
{
    Phone,
    WalkIn,
    Chat,
    Ticket,
}
