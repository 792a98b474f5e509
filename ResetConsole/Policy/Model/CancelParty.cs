namespace ResetConsole.Policy;

public enum CancelParty
{
    Subject,
    Manager,
}
