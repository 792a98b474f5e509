using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResetConsole.Data;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure;
using ResetConsole.Tests.Support;
using ResetConsole.Tests.Unit.Policy;

namespace ResetConsole.Tests.Integration;

public sealed class PolicyCatalogTests : IClassFixture<ConsoleFactory>
{
    private readonly ConsoleFactory _factory;

    public PolicyCatalogTests(ConsoleFactory factory)
    {
        _factory = factory;
        _ = factory.Server;
    }

    private IPolicyCatalog Catalog => _factory.Services.GetRequiredService<IPolicyCatalog>();

    [Fact]
    public async Task StartUp_OnAnEmptyDatabase_SeedsTheFileAsVersionOne()
    {
        var expectedSha = PolicyText.Sha256(await File.ReadAllTextAsync(PolicyFiles.DefaultPolicyPath));

        var versions = await Catalog.ListVersionsAsync();
        var active = await Catalog.GetActiveAsync();

        var only = Assert.Single(versions);
        Assert.Equal(1, only.Number);
        Assert.True(only.IsActive);
        Assert.Equal(expectedSha, active.Sha256);
        Assert.Equal(await File.ReadAllTextAsync(PolicyFiles.DefaultPolicyPath), await Catalog.GetTextAsync(1));
    }

    [Fact]
    public async Task Bootstrap_WithAChangedFileOnALaterStart_KeepsTheStoredVersion()
    {
        using var folder = new TempFolder();
        var changed = (await File.ReadAllTextAsync(PolicyFiles.DefaultPolicyPath)).Replace("verification-validity: 15m", "verification-validity: 10m");
        await File.WriteAllTextAsync(folder.File("policy.yaml"), changed);

        await Bootstrap(folder.File("policy.yaml")).InitializeAsync();

        var active = await Catalog.GetActiveAsync();
        Assert.Equal(1, active.Version);
        Assert.Equal(TimeSpan.FromMinutes(15), active.Policy.Definition.VerificationValidity);
    }

    [Fact]
    public async Task Bootstrap_WithAnInvalidFile_RefusesWithLineAndColumn()
    {
        using var folder = new TempFolder();
        var broken = (await File.ReadAllTextAsync(PolicyFiles.DefaultPolicyPath)).Replace("kind: one-time-code", "kind: sms-code");
        await File.WriteAllTextAsync(folder.File("policy.yaml"), broken);

        var error = await Assert.ThrowsAsync<StartupException>(() => Bootstrap(folder.File("policy.yaml")).InitializeAsync());

        Assert.Matches(@"is invalid: line \d+, column \d+: step kind 'sms-code' is not known", error.Message);
    }

    [Fact]
    public void Check_AValidText_RunsEveryShippedTestCase()
    {
        var check = Catalog.Check(File.ReadAllText(PolicyFiles.DefaultPolicyPath));

        Assert.True(check.TestsPass);
        Assert.Equal(PolicyFiles.TestCaseFiles.Count(), check.TestResults.Select(r => r.Source).Distinct().Count());
    }

    [Fact]
    public void Check_AValidTextThatChangesATier_ReportsTheFailingCases()
    {
        var loosened = File.ReadAllText(PolicyFiles.DefaultPolicyPath).Replace("required: 2", "required: 1");

        var check = Catalog.Check(loosened);

        Assert.True(check.IsValid);
        Assert.False(check.TestsPass);
    }

    [Fact]
    public async Task Versions_AreStoredWithTheirExactText()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var stored = await db.PolicyVersions.SingleAsync(v => v.Number == 1);

        Assert.Equal(PolicyText.Sha256(stored.Yaml), stored.Sha256);
    }

    private PolicyBootstrap Bootstrap(string path) => new(
        _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(),
        Catalog,
        Options.Create(new PolicyOptions { Path = path }),
        _factory.Services.GetRequiredService<IHostEnvironment>(),
        TimeProvider.System,
        NullLogger<PolicyBootstrap>.Instance);
}
