using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

/// <summary>Outside demo mode the console will not start without an audit key, and says so in one sentence.</summary>
public sealed class AuditStartupTests
{
    [Fact]
    public async Task ExternalMode_WithoutAnAuditKey_StopsWithOneSentence()
    {
        using var folder = new TempFolder();
        await using var console = ConsoleProcess.Start(folder.Path, FreePort.Next(), new Dictionary<string, string>
        {
            ["Authentication__Mode"] = "External",
            ["Authentication__Authority"] = "https://idp.example.test/",
            ["Authentication__ClientSecret"] = "from-the-environment",
        });

        var exitCode = await console.WaitForExitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, exitCode);
        Assert.Contains("ResetConsole cannot start: Audit:Key must be set outside demo mode", console.Output);
        Assert.DoesNotContain("   at ", console.Output);
        Assert.False(File.Exists(folder.File("audit.key")));
    }
}
