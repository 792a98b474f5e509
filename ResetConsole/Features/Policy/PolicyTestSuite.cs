using Microsoft.Extensions.Options;
using ResetConsole.Infrastructure;
using ResetConsole.Policy;

namespace ResetConsole.Features.Policy;

/// <summary>The test cases shipped beside the policy, loaded once; every proposed version must pass them.</summary>
public sealed class PolicyTestSuite
{
    public PolicyTestSuite(IOptions<PolicyOptions> options, IHostEnvironment environment)
    {
        var folder = Path.Combine(environment.ContentRootPath, options.Value.TestsFolder);
        var cases = new List<PolicyTestCase>();
        foreach (var file in System.IO.Directory.Exists(folder) ? System.IO.Directory.EnumerateFiles(folder, "*.yaml").Order() : Enumerable.Empty<string>())
        {
            var loaded = PolicyTestCaseLoader.Load(File.ReadAllText(file), Path.GetFileName(file));
            if (loaded.Errors.Count > 0)
            {
                throw new StartupException($"The policy test file '{file}' is invalid: {string.Join("; ", loaded.Errors)}.");
            }

            cases.AddRange(loaded.Cases);
        }

        Cases = cases;
    }

    public IReadOnlyList<PolicyTestCase> Cases { get; }

    public IReadOnlyList<PolicyTestResult> Run(CompiledPolicy policy) => PolicyTestCaseRunner.RunAll(policy, Cases);
}
