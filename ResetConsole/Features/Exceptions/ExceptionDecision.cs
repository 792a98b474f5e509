namespace ResetConsole.Features.Exceptions;

public enum ExceptionDecision
{
    Grant,
    Deny,
    Revoke,
    Review,
}
