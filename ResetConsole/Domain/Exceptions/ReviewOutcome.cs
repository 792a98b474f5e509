namespace ResetConsole.Domain.Exceptions;

/// <summary>What a reviewer concluded about a granted exception.</summary>
public enum ReviewOutcome
{
    Appropriate,
    Inappropriate,
    NeedsPolicyChange,
}
