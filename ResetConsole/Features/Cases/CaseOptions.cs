namespace ResetConsole.Features.Cases;

/// <summary>The <c>Cases</c> section.</summary>
public sealed class CaseOptions
{
    public const string Section = "Cases";

    /// <summary>How far back failed verifications of an account count towards the step-up signal.</summary>
    public TimeSpan FailedVerificationWindow { get; set; } = TimeSpan.FromDays(1);
}
