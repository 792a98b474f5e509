using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Data;

namespace ResetConsole.Tests.Integration;

/// <summary>
/// The connection settings are applied to each physical connection once, when it first opens, not again each time the
/// pool hands it out (EF opens and closes around every statement). A temp file of its own, so no other user of the
/// pool is in the way; and alone, because other tests clear SQLite's process-wide pool when they end (ServiceHarness),
/// which between its two opens once closed the connection it checks (a clean-clone run).
/// </summary>
[Collection(SqlitePoolCollection.Name)]
public sealed class SqlitePragmaInterceptorTests : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"pragmas-{Guid.NewGuid():N}.db");

    [Fact]
    public async Task APooledConnection_IsSetUpOnce_AndANewPhysicalConnectionIsSetUpAgain()
    {
        var options = new DbContextOptionsBuilder<AppDbContext>()
            .UseSqlite($"Data Source={_path}")
            .AddInterceptors(new SqlitePragmaInterceptor(TimeSpan.FromSeconds(5)))
            .Options;

        object firstHandle;
        await using (var first = new AppDbContext(options))
        {
            await first.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)first.Database.GetDbConnection();
            firstHandle = connection.Handle!;
            Assert.True((await SqlitePragmas.ReadAsync(connection)).IsRight);
            await using var lower = connection.CreateCommand();
            lower.CommandText = "PRAGMA synchronous=NORMAL;";
            await lower.ExecuteNonQueryAsync();
            await first.Database.CloseConnectionAsync();
        }

        await using (var reused = new AppDbContext(options))
        {
            await reused.Database.OpenConnectionAsync();
            var connection = (SqliteConnection)reused.Database.GetDbConnection();
            Assert.Same(firstHandle, connection.Handle);
            Assert.Equal(1, (await SqlitePragmas.ReadAsync(connection)).Synchronous); // not set again: no statements before every statement
            await reused.Database.CloseConnectionAsync();
        }

        SqliteConnection.ClearAllPools();
        await using var fresh = new AppDbContext(options);
        var state = await SqlitePragmas.ReadAsync(fresh);
        Assert.True(state.IsRight, state.ToString());
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, $"{_path}-wal", $"{_path}-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>Tests that watch SQLite's process-wide connection pool: they run alone, after the parallel tests.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SqlitePoolCollection
{
    public const string Name = "SQLite pool";
}
