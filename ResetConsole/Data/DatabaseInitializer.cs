using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ResetConsole.Directory;
using ResetConsole.Directory.Demo;
using ResetConsole.Infrastructure;

namespace ResetConsole.Data;

/// <summary>Creates the database folder, applies migrations, proves the pragmas took and seeds the demo directory.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<AppDbContext> dbFactory,
    IOptions<DatabaseOptions> options,
    IOptions<DirectoryOptions> directory,
    IHostEnvironment environment,
    IServiceProvider services,
    ILogger<DatabaseInitializer> logger)
{
    public async Task InitializeAsync(CancellationToken ct = default)
    {
        var path = options.Value.ResolvePath(environment.ContentRootPath);
        EnsureFolder(path);
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        try
        {
            // Asked first: on a restart nothing is pending, and MigrateAsync would still take its lock and diff the
            // model against the last migration's (a few hundred milliseconds of every start). The model matching its
            // migrations is a test (StoreTests), not a start-up check.
            if ((await db.Database.GetPendingMigrationsAsync(ct)).Any())
            {
                await db.Database.MigrateAsync(ct);
            }
        }
        catch (SqliteException ex)
        {
            throw new StartupException($"The database at '{path}' cannot be opened for writing: {ex.SqliteErrorCode switch
            {
                8 => "the file is read-only",
                14 => "the file cannot be created or opened",
                _ => ex.Message,
            }}.", ex);
        }

        var pragmas = await SqlitePragmas.ReadAsync(db, ct);
        if (!pragmas.IsRight)
        {
            throw new StartupException($"The database at '{path}' did not take the required settings (got {pragmas}); " +
                "it needs journal_mode=wal, synchronous=2 (FULL), foreign_keys=1 and a busy timeout.");
        }

        DataLog.DatabaseReady(logger, path, pragmas.ToString());
        if (directory.Value.Provider == DirectoryProvider.Demo)
        {
            var seeded = await services.GetRequiredService<DemoDirectorySeeder>().SeedAsync(ct);
            if (seeded > 0)
            {
                DataLog.DemoDirectorySeeded(logger, seeded);
            }
        }
    }

    private static void EnsureFolder(string path)
    {
        var folder = Path.GetDirectoryName(path)!;
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            var probe = Path.Combine(folder, $".write-probe-{Guid.NewGuid():N}");
            File.WriteAllText(probe, string.Empty);
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException($"The database folder '{folder}' is not writable ({ex.GetType().Name}); set Database:Path to a writable location.", ex);
        }
    }
}
