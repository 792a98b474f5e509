using ResetConsole.Auth;

namespace ResetConsole.Tests.Unit.Auth;

public sealed class ConsoleAuthOptionsTests
{
    [Fact]
    public void Problems_EmbeddedDefaults_AreNone() => Assert.Empty(new ConsoleAuthOptions().Problems());

    [Fact]
    public void Problems_ExternalWithoutAuthorityOrSecret_NamesBoth()
    {
        var problems = new ConsoleAuthOptions { Mode = AuthMode.External }.Problems().ToList();

        Assert.Contains(problems, p => p.StartsWith("Authentication:Authority must be", StringComparison.Ordinal));
        Assert.Contains(problems, p => p.StartsWith("Authentication:ClientSecret must be set", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_RoleMapToAnUnknownRole_IsReported()
    {
        var options = new ConsoleAuthOptions { RoleMap = new() { ["desk"] = "Janitor" } };

        Assert.Contains(options.Problems(), p => p.Contains("'Janitor'", StringComparison.Ordinal));
    }

    [Fact]
    public void Problems_RevalidationLongerThanTenMinutes_IsReported()
    {
        var options = new ConsoleAuthOptions { RevalidationInterval = TimeSpan.FromMinutes(30) };

        Assert.Contains(options.Problems(), p => p.StartsWith("Authentication:RevalidationInterval", StringComparison.Ordinal));
    }
}
