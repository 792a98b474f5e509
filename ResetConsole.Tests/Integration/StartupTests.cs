using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

/// <summary>Bad configuration stops the real process with one sentence, never a stack trace.</summary>
public sealed class StartupTests
{
    [Fact]
    public async Task ExternalMode_WithoutAnAuthority_StopsWithOneSentence()
    {
        using var folder = new TempFolder();
        await using var console = ConsoleProcess.Start(folder.Path, FreePort.Next(), new Dictionary<string, string>
        {
            ["Authentication__Mode"] = "External",
            ["Authentication__ClientSecret"] = "from-the-environment",
        });

        var exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("ResetConsole cannot start: Authentication:Authority must be the absolute URL of your OpenID Connect provider", console.Output);
        Assert.DoesNotContain("   at ", console.Output);
    }

    [Fact]
    public async Task UnwritableDatabasePath_StopsWithOneSentence()
    {
        using var folder = new TempFolder();
        var blocker = folder.File("not-a-folder");
        await File.WriteAllTextAsync(blocker, "a file where the database folder should be");
        await using var console = ConsoleProcess.Start(folder.Path, FreePort.Next(), new Dictionary<string, string>
        {
            ["Database__Path"] = Path.Combine(blocker, "console.db"),
        });

        var exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("ResetConsole cannot start: The database folder", console.Output);
        Assert.Contains("is not writable", console.Output);
        Assert.DoesNotContain("   at ", console.Output);
    }

    [Fact]
    public async Task InvalidPolicyFile_StopsWithThePositionOfTheProblem()
    {
        using var folder = new TempFolder();
        var broken = (await File.ReadAllTextAsync(Path.Combine(RepositoryPaths.App, "Policies", "recovery-policy.yaml")))
            .Replace("default-tier: standard", "default-tier: platinum");
        await File.WriteAllTextAsync(folder.File("policy.yaml"), broken);
        await using var console = ConsoleProcess.Start(folder.Path, FreePort.Next(), new Dictionary<string, string>
        {
            ["Policy__Path"] = folder.File("policy.yaml"),
        });

        var exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Matches(@"ResetConsole cannot start: The policy file '.*policy\.yaml' is invalid: line \d+, column \d+: ", console.Output);
        Assert.Contains("platinum", console.Output);
        Assert.DoesNotContain("   at ", console.Output);
    }
}
