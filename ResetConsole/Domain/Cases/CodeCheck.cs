namespace ResetConsole.Domain.Cases;

public enum CodeCheck
{
    Correct,
    Wrong,
    Expired,
    NotPending,
}
