using ResetConsole.Policy;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Unit.Policy;

/// <summary>
/// Finds the policy files in the source tree (the folder holding ResetConsole.sln), so nothing is copied to the
/// test output and a test always reads the YAML a reviewer sees.
/// </summary>
internal static class PolicyFiles
{
    private static readonly Lazy<CompiledPolicy> _default = new(() =>
    {
        var result = PolicyLoader.Load(File.ReadAllText(DefaultPolicyPath));
        return result.Policy ?? throw new InvalidOperationException(string.Join(Environment.NewLine, result.Errors));
    });

    public static string PoliciesDirectory { get; } = Path.Combine(RepositoryPaths.App, "Policies");

    public static string DefaultPolicyPath => Path.Combine(PoliciesDirectory, "recovery-policy.yaml");

    public static CompiledPolicy Default => _default.Value;

    // Fully qualified: the app's ResetConsole.Directory namespace (directory connectors) would shadow System.IO's.
    public static IEnumerable<string> TestCaseFiles =>
        System.IO.Directory.EnumerateFiles(Path.Combine(PoliciesDirectory, "tests"), "*.yaml").Order(StringComparer.Ordinal);
}
