using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure;
using ResetConsole.Notifications;

namespace ResetConsole.Bench;

/// <summary>The console's services on a temporary SQLite file, as the app wires them, without a web host.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "resetconsole-bench", Guid.NewGuid().ToString("N"));
    private readonly ServiceProvider _services;

    private BenchHost(TimeProvider? time, string? copyFrom, string? databasePath)
    {
        System.IO.Directory.CreateDirectory(_folder);
        DatabasePath = databasePath ?? Path.Combine(_folder, "bench.db");
        if (copyFrom is not null)
        {
            File.Copy(copyFrom, DatabasePath);
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:Path"] = DatabasePath,
        }).Build();
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<IHostEnvironment>(new Environment(AppFolder()));
        if (time is not null)
        {
            services.AddSingleton(time);
        }

        services.AddSingleton(new DemoMode(true));
        services.AddConsoleServices(configuration);
        _services = services.BuildServiceProvider();
    }

    public string DatabasePath { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>Writes the WAL into the database file and copies it, so later runs can start from the same data.</summary>
    public async Task SaveCopyAsync(string path)
    {
        await using (var db = await Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE)");
        }

        var temporary = path + ".tmp";
        File.Copy(DatabasePath, temporary, overwrite: true);
        File.Move(temporary, path, overwrite: true);
    }

    /// <param name="copyFrom">A database saved by <see cref="SaveCopyAsync"/> to start from instead of an empty one.</param>
    /// <param name="databasePath">A database to fill that outlives the host (the load harness seeds its server's this way); by default a temporary one.</param>
    public static async Task<BenchHost> StartAsync(TimeProvider? time = null, string? copyFrom = null, string? databasePath = null)
    {
        var host = new BenchHost(time, copyFrom, databasePath);
        await host.Get<DatabaseInitializer>().InitializeAsync();
        await host.Get<PolicyBootstrap>().InitializeAsync();
        return host;
    }

    public async Task<StaffActor> StaffAsync(string username, params string[] roles)
    {
        var claims = new List<Claim> { new(StaffClaims.Subject, username), new(StaffClaims.Name, username), new(StaffClaims.Username, username), new(StaffClaims.Issuer, "https://bench/") };
        claims.AddRange(roles.Select(r => new Claim(StaffClaims.Role, r)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, "bench", StaffClaims.Name, StaffClaims.Role));
        await Get<StaffDirectory>().RecordSignInAsync(principal);
        return StaffActor.From(principal);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(_folder, recursive: true);
    }

    private static string AppFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "ResetConsole.sln")))
            {
                return Path.Combine(dir.FullName, "ResetConsole");
            }
        }

        throw new InvalidOperationException("ResetConsole.sln was not found above the benchmark.");
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Benchmark";
        public string ApplicationName { get; set; } = "ResetConsole";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new PhysicalFileProvider(root);
    }
}
