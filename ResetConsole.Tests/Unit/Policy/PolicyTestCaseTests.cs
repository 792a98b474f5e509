using ResetConsole.Policy;

namespace ResetConsole.Tests.Unit.Policy;

public class PolicyTestCaseTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in PolicyFiles.TestCaseFiles)
        {
            foreach (var testCase in Load(file))
            {
                data.Add(Path.GetFileName(file), testCase.Name);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Run_DefaultPolicy_CasePasses(string file, string caseName)
    {
        // Arrange
        var testCase = Load(Path.Combine(PolicyFiles.PoliciesDirectory, "tests", file)).Single(c => c.Name == caseName);

        // Act
        var result = PolicyTestCaseRunner.Run(PolicyFiles.Default, testCase);

        // Assert
        Assert.True(result.Passed, result.Message);
    }

    [Fact]
    public void Load_EveryTestFile_HasNoErrors()
    {
        // Arrange
        var files = PolicyFiles.TestCaseFiles.ToList();

        // Act
        var errors = files.SelectMany(f => PolicyTestCaseLoader.Load(File.ReadAllText(f), Path.GetFileName(f)).Errors
            .Select(e => $"{Path.GetFileName(f)} {e}")).ToList();

        // Assert
        Assert.NotEmpty(files);
        Assert.Empty(errors);
    }

    [Fact]
    public void Run_WrongExpectation_MessageNamesCaseAndDifference()
    {
        // Arrange
        var yaml = """
            cases:
              - name: deliberately wrong
                subject: { kind: employee }
                action: password-reset
                context: { channel: phone, now: "2025-03-04T10:00:00+00:00" }
                expect: { tier: privileged, steps: [push] }
            """;
        var testCase = PolicyTestCaseLoader.Load(yaml, "inline.yaml").Cases.Single();

        // Act
        var result = PolicyTestCaseRunner.Run(PolicyFiles.Default, testCase);

        // Assert
        Assert.False(result.Passed);
        Assert.Equal(
            "case 'deliberately wrong' (inline.yaml) failed: tier: expected 'privileged', got 'standard'; steps: expected [push], got [one-time-code]",
            result.Message);
    }

    private static IReadOnlyList<PolicyTestCase> Load(string file)
    {
        var result = PolicyTestCaseLoader.Load(File.ReadAllText(file), Path.GetFileName(file));
        return result.Errors.Count == 0
            ? result.Cases
            : throw new InvalidOperationException($"{file}: {string.Join("; ", result.Errors)}");
    }
}
