namespace ResetConsole.Features.Security;

public enum ExceptionList
{
    Requests,
    Active,
    Reviews,
}
