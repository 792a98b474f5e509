using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Execution;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure;
using ResetConsole.Notifications;
using ResetConsole.Policy;

namespace ResetConsole.Tests.Support;

/// <summary>
/// The console's services without a web host: a temporary SQLite file, the seeded demo directory, the shipped policy,
/// a fake clock and the demo outbox. For service tests that need real data and real rules, fast.
/// </summary>
public sealed class ServiceHarness : IAsyncDisposable
{
    private readonly TempFolder _folder = new();
    private readonly ServiceProvider _services;

    private ServiceHarness(DateTimeOffset start, Action<IServiceCollection>? configure)
    {
        Time = new FakeTimeProvider(start);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = _folder.File("console.db"),
            ["Logging:Directory"] = _folder.File("logs"),
        }).Build();
        var services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new Environment())
            .AddSingleton<TimeProvider>(Time);
        services.AddSingleton(new DemoMode(true));
        services.AddConsoleServices(configuration);
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
    }

    public FakeTimeProvider Time { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>A weekday, mid-morning in London: no out-of-hours step-up unless a test moves the clock.</summary>
    public static readonly DateTimeOffset Weekday = new(2026, 11, 24, 10, 0, 0, TimeSpan.Zero);

    public static async Task<ServiceHarness> StartAsync(DateTimeOffset? start = null, Action<IServiceCollection>? configure = null)
    {
        var harness = new ServiceHarness(start ?? Weekday, configure);
        await harness.Get<DatabaseInitializer>().InitializeAsync();
        await harness.Get<PolicyBootstrap>().InitializeAsync();
        return harness;
    }

    /// <summary>Signs a person in as far as the console is concerned: a staff record with these roles.</summary>
    public async Task<StaffActor> StaffAsync(string username, params string[] roles)
    {
        var claims = new List<Claim> { new(StaffClaims.Subject, username), new(StaffClaims.Name, username), new(StaffClaims.Username, username), new(StaffClaims.Issuer, "https://idp.test/") };
        claims.AddRange(roles.Select(r => new Claim(StaffClaims.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "test", StaffClaims.Name, StaffClaims.Role));
        await Get<StaffDirectory>().RecordSignInAsync(principal);
        return StaffActor.From(principal);
    }

    public async Task<string> SubjectIdAsync(string username) =>
        (await Get<IDirectoryConnector>().FindByUsernameAsync(username))?.Id ?? throw new InvalidOperationException($"No account {username}.");

    /// <summary>A password-reset case opened through the service by an agent, for an account of the demo directory.</summary>
    public async Task<Guid> OpenCaseAsync(string agentUsername, string subjectUsername)
    {
        var agent = await StaffAsync(agentUsername, Roles.Agent);
        var subjectId = await SubjectIdAsync(subjectUsername);
        return await Get<CaseService>().OpenAsync(agent, new OpenCaseRequest(subjectId, RequestedAction.PasswordReset, RequestChannel.Phone, "INC-1"));
    }

    /// <summary>The latest message the outbox holds for a person, as their phone or mailbox would show it.</summary>
    public async Task<OutboxMessage> LastMessageToAsync(string recipientId)
    {
        await using var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await db.OutboxMessages.Where(m => m.RecipientId == recipientId).OrderByDescending(m => m.SentAt).FirstAsync();
    }

    /// <summary>The one-time code in the latest message to a person.</summary>
    public async Task<string> LastCodeToAsync(string recipientId) => OutboxText.Code((await LastMessageToAsync(recipientId)).Body);

    /// <summary>The challenge the latest message to a person links to (a push, an attestation, an identity check).</summary>
    public async Task<Guid> LastChallengeToAsync(string recipientId) => OutboxText.ChallengeId((await LastMessageToAsync(recipientId)).Link);

    public async Task<AppDbContext> DbAsync() => await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _folder.Dispose();
    }

    private sealed class Environment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Testing";
        public string ApplicationName { get; set; } = "ResetConsole";
        public string ContentRootPath { get; set; } = RepositoryPaths.App;
        public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(RepositoryPaths.App);
    }
}
