using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using ResetConsole.Auth;
using ResetConsole.Features.Audit;
using ResetConsole.Infrastructure;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration.Audit;

public sealed class AuditKeyTests
{
    [Fact]
    public async Task DemoMode_NoKeyConfigured_CreatesAnOwnerOnlyKeyFileBesideTheDatabase()
    {
        await using var harness = await ServiceHarness.StartAsync();
        await AuditTrail.AppendAsync(harness, await harness.StaffAsync("dana", Roles.Agent), 1);

        var path = harness.Get<AuditFiles>().KeyPath;

        Assert.Equal(Path.Combine(harness.Get<AuditFiles>().DataFolder, "audit.key"), path);
        Assert.Equal(32, Convert.FromBase64String(await File.ReadAllTextAsync(path)).Length);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public async Task DemoMode_KeyFileExists_ReusesItSoTheChainStillVerifies()
    {
        await using var harness = await ServiceHarness.StartAsync();
        await AuditTrail.AppendAsync(harness, await harness.StaffAsync("dana", Roles.Agent), 3);
        var before = await File.ReadAllTextAsync(harness.Get<AuditFiles>().KeyPath);

        var reloaded = AuditKeyring.FromKey(harness.Get<AuditKeySource>().Load());
        var verifier = new AuditVerifier(harness.Get<AuditFiles>(), reloaded, new AuditCheckpointFile(harness.Get<AuditFiles>(), reloaded));

        Assert.Equal(before, await File.ReadAllTextAsync(harness.Get<AuditFiles>().KeyPath));
        Assert.Equal("intact, 3 entries, no checkpoint yet", (await verifier.VerifyAsync()).Summary);
    }

    [Fact]
    public async Task ConfiguredKey_IsUsedAndNoKeyFileIsWritten()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var harness = await ServiceHarness.StartAsync(configure: s => s.Configure<AuditOptions>(o => o.Key = Convert.ToBase64String(key)));
        await AuditTrail.AppendAsync(harness, await harness.StaffAsync("dana", Roles.Agent), 2);

        var other = new AuditVerifier(harness.Get<AuditFiles>(), AuditKeyring.FromKey(RandomNumberGenerator.GetBytes(32)),
            harness.Get<AuditCheckpointFile>());

        Assert.False(File.Exists(harness.Get<AuditFiles>().KeyPath));
        Assert.True((await harness.Get<AuditVerifier>().VerifyAsync()).IsIntact);
        var underAnotherKey = await other.VerifyAsync();
        Assert.Equal((AuditBreak.Forged, 1L), (underAnotherKey.Break, underAnotherKey.FirstBadSequence));
    }

    [Fact]
    public async Task ConfiguredKey_IsNeverWrittenToTheDatabaseFile()
    {
        var key = RandomNumberGenerator.GetBytes(32);
        await using var harness = await ServiceHarness.StartAsync(configure: s => s.Configure<AuditOptions>(o => o.Key = Convert.ToBase64String(key)));
        await AuditTrail.AppendAsync(harness, await harness.StaffAsync("dana", Roles.Agent), 5);
        var path = harness.Get<AuditFiles>().DatabasePath;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();

        var files = new[] { path, path + "-wal" }.Where(File.Exists).Select(File.ReadAllBytes).ToList();

        Assert.All(files, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(key)));
        Assert.All(files, bytes => Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.ASCII.GetBytes(Convert.ToBase64String(key)))));
    }

    [Fact]
    public void OutsideDemoMode_NoKey_StopsWithOneSentence()
    {
        using var folder = new TempFolder();
        var source = Source(folder, demo: false, key: null);

        var error = Assert.ThrowsAny<Exception>(() => source.Load());

        Assert.StartsWith("Audit:Key must be set outside demo mode", StartupFailure.Describe(error));
        Assert.False(File.Exists(folder.File("audit.key")));
    }

    [Theory]
    [InlineData("not base64!", "Audit:Key is not valid base64.")]
    [InlineData("c2hvcnQ=", "Audit:Key must be at least 32 bytes of base64 (it has 5).")]
    public void ConfiguredKey_Unusable_StopsWithOneSentence(string key, string sentence)
    {
        using var folder = new TempFolder();

        var error = Assert.ThrowsAny<Exception>(() => Source(folder, demo: true, key).Load());

        Assert.Equal(sentence, StartupFailure.Describe(error));
    }

    [Fact]
    public void OptionsValidator_OutsideDemoModeWithoutKey_FailsValidationOnStart()
    {
        using var folder = new TempFolder();
        var services = Services(folder, demo: false, key: null);

        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<AuditOptions>>().Value);

        Assert.StartsWith("Audit:Key must be set outside demo mode", StartupFailure.Describe(error));
    }

    [Fact]
    public void Command_NoKeyFileYet_RefusesToCreateOne()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<StartupException>(() => Source(folder, demo: true, key: null).Load(mayCreate: false));

        Assert.StartsWith("There is no audit key", error.Message);
        Assert.False(File.Exists(folder.File("audit.key")));
    }

    private static AuditKeySource Source(TempFolder folder, bool demo, string? key) =>
        Services(folder, demo, key).GetRequiredService<AuditKeySource>();

    private static ServiceProvider Services(TempFolder folder, bool demo, string? key)
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = folder.File("console.db"),
            ["Audit:Key"] = key,
        }).Build();
        var services = new ServiceCollection()
            .AddSingleton<Microsoft.Extensions.Configuration.IConfiguration>(configuration)
            .AddSingleton<Microsoft.Extensions.Hosting.IHostEnvironment>(new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = folder.Path })
            .AddSingleton(new DemoMode(demo))
            .AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddOptions<ResetConsole.Data.DatabaseOptions>().BindConfiguration(ResetConsole.Data.DatabaseOptions.Section);
        services.AddAudit();
        return services.BuildServiceProvider();
    }
}
