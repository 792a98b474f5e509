namespace ResetConsole.Domain.Cases;

public enum StepStatus
{
    Pending,
    Passed,
    Failed,

    /// <summary>Waived by an active, documented exception.</summary>
    Waived,
}
