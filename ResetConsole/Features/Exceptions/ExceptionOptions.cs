namespace ResetConsole.Features.Exceptions;

/// <summary>The <c>Exceptions</c> section.</summary>
public sealed class ExceptionOptions
{
    public const string Section = "Exceptions";

    /// <summary>How often the worker ends exceptions past their time and flags overdue reviews.</summary>
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(15);
}
