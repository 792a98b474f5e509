namespace ResetConsole.Features.Policy;

/// <summary>The <c>Policy</c> section.</summary>
public sealed class PolicyOptions
{
    public const string Section = "Policy";

    /// <summary>The YAML file that seeds version 1. Relative paths are taken from the content root.</summary>
    public string Path { get; set; } = "Policies/recovery-policy.yaml";

    /// <summary>The policy's test cases, run against every proposed version.</summary>
    public string TestsFolder { get; set; } = "Policies/tests";
}
