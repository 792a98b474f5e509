using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResetConsole.Data;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

public sealed class StoreTests : IClassFixture<ConsoleFactory>
{
    private readonly ConsoleFactory _factory;

    public StoreTests(ConsoleFactory factory)
    {
        _factory = factory;
        _ = factory.Server;
    }

    [Fact]
    public async Task EveryConnection_FromTheFactory_HasTheRequiredPragmas()
    {
        var dbFactory = _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var i = 0; i < 5; i++)
        {
            await using var db = await dbFactory.CreateDbContextAsync();

            var pragmas = await SqlitePragmas.ReadAsync(db);

            Assert.True(pragmas.IsRight, pragmas.ToString());
        }
    }

    [Fact]
    public async Task StartUp_OnAnEmptyFile_AppliesEveryMigration()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        var pending = await db.Database.GetPendingMigrationsAsync();
        var applied = await db.Database.GetAppliedMigrationsAsync();

        Assert.Empty(pending);
        Assert.Equal(db.Database.GetMigrations(), applied);
    }

    [Fact]
    public async Task Model_HasNoChangeThatNoMigrationCarries()
    {
        // Start-up applies migrations only when one is pending, so this is where a model change without its migration
        // is caught (EF's own check runs inside MigrateAsync, which a restart no longer calls).
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public async Task StartUp_OnAMigratedFile_AppliesNothingAndKeepsItsData()
    {
        using var folder = new TempFolder();
        var path = folder.File("console.db");
        string lockedId;
        int accounts;
        await using (var first = new ConsoleFactory().With("Database:Path", path))
        {
            await using var db = await first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var account = await db.DemoAccounts.OrderBy(a => a.Id).FirstAsync(a => !a.IsLocked);
            account.IsLocked = true;
            await db.SaveChangesAsync();
            (lockedId, accounts) = (account.Id, await db.DemoAccounts.CountAsync());
        }

        await using var second = new ConsoleFactory().With("Database:Path", path);
        await using var again = await second.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.Empty(await again.Database.GetPendingMigrationsAsync());
        Assert.Equal(again.Database.GetMigrations(), await again.Database.GetAppliedMigrationsAsync());
        Assert.Equal(accounts, await again.DemoAccounts.CountAsync());
        Assert.True((await again.DemoAccounts.SingleAsync(a => a.Id == lockedId)).IsLocked);
        Assert.True((await SqlitePragmas.ReadAsync(again)).IsRight);
    }

    [Fact]
    public async Task PlainConnection_WithoutTheInterceptor_IsReportedAsWrong()
    {
        // Guards the check itself: a fresh physical connection that skipped the interceptor must be caught.
        await using var connection = new SqliteConnection($"Data Source={_factory.DatabasePath};Pooling=False");
        await connection.OpenAsync();

        var pragmas = await SqlitePragmas.ReadAsync(connection);

        Assert.False(pragmas.IsRight);
    }

    [Fact]
    public async Task StartUp_SeedsTheDemoDirectory()
    {
        await using var db = await _factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

        Assert.InRange(await db.DemoAccounts.CountAsync(), 250, 400);
    }
}
