namespace ResetConsole.Domain.Cases;

public enum SideEffectStatus
{
    Pending,
    Applied,
    Failed,
}
