namespace ResetConsole.Policy;

public enum ApprovalQueue
{
    None,
    Supervisor,
    Security,
}
