using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Sqlite.Storage.Internal;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace ResetConsole.Data;

public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddConsoleData(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section)
            .Validate(o => !string.IsNullOrWhiteSpace(o.Path), "Database:Path must name the SQLite file.")
            .Validate(o => o.BusyTimeout > TimeSpan.Zero, "Database:BusyTimeout must be positive.")
            .ValidateOnStart();
        services.TryAddSingleton(TimeProvider.System);
        // Pooled: every service call takes a context for one operation, and on the case page's open or a decision that is
        // several a second per circuit; reusing them halves the per-query overhead (docs/performance.md, "Store").
        services.AddPooledDbContextFactory<AppDbContext>((sp, o) =>
        {
            var options = sp.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            // Created before the pool, so disposed after it.
            sp.GetRequiredService<KeptConnectionsCloser>();
            // Each pooled context keeps its connection open and its statements compiled (KeptOpenSqliteConnection,
            // PreparedStatements): compiling SQL again on every execution was the console's largest single store cost.
#pragma warning disable EF1001 // the provider's connection service, see KeptOpenSqliteConnection
            o.UseSqlite($"Data Source={DatabasePath(sp)}")
                .AddInterceptors(new SqlitePragmaInterceptor(options.BusyTimeout), new StatementReuseInterceptor())
                .ReplaceService<ISqliteRelationalConnection, KeptOpenSqliteConnection>();
#pragma warning restore EF1001
        });
        services.AddSingleton(sp => new KeptConnectionsCloser(DatabasePath(sp)));
        services.AddSingleton<DatabaseInitializer>();

        // Keys beside the database, so sign-in cookies survive a restart. Scale-out moves them into the shared database.
        services.AddDataProtection().SetApplicationName("ResetConsole");
        services.AddOptions<KeyManagementOptions>().Configure<IOptions<DatabaseOptions>, IHostEnvironment>((keys, db, env) =>
        {
            var folder = Path.Combine(Path.GetDirectoryName(db.Value.ResolvePath(env.ContentRootPath))!, "keys");
            keys.XmlRepository = new FileSystemXmlRepository(new DirectoryInfo(folder), NullLoggerFactory.Instance);
        });
        return services;
    }

    private static string DatabasePath(IServiceProvider sp) =>
        sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.ResolvePath(sp.GetRequiredService<IHostEnvironment>().ContentRootPath);
}
