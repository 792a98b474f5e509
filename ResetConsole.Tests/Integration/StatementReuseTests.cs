using System.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Audit;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.Integration;

// The console's pooled contexts keep their SQLite connection open and reuse each statement's compiled form
// (KeptOpenSqliteConnection, PreparedStatements): checked here against the real provider, so an Entity Framework or
// Microsoft.Data.Sqlite upgrade that changes how connections close or commands are made shows up.
public sealed class StatementReuseTests : IAsyncLifetime
{
    private ServiceHarness _harness = default!;

    private IDbContextFactory<AppDbContext> Db => _harness.Get<IDbContextFactory<AppDbContext>>();

    public async Task InitializeAsync() => _harness = await ServiceHarness.StartAsync();

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task APooledContext_KeepsItsConnectionOpenAndItsStatements_BackInThePool()
    {
        SqliteConnection connection;
        await using (var db = await Db.CreateDbContextAsync())
        {
            await db.Staff.CountAsync();
            connection = (SqliteConnection)db.Database.GetDbConnection();
        }

        Assert.Equal(ConnectionState.Open, connection.State);
        Assert.True(PreparedStatements.Of(connection).Count > 0);
    }

    [Fact]
    public async Task TheSameQueryWithOtherValues_RunsOnOneCompiledStatement_AndAnswersForItsOwnValues()
    {
        await _harness.StaffAsync("dana", Roles.Agent);
        await _harness.StaffAsync("sam", Roles.Supervisor);
        await using var db = await Db.CreateDbContextAsync();
        var statements = await StatementsOfAsync(db);

        var dana = await Named(db, "dana");
        var compiled = statements.Idle[0];
        var sam = await Named(db, "sam");
        var nobody = await Named(db, "nobody");

        Assert.Equal(("dana", "sam", (string?)null), (dana, sam, nobody));
        Assert.Contains("Username", compiled.CommandText);
        Assert.Same(compiled, statements.Idle[0]);
        Assert.Single(statements.Idle, c => c.CommandText == compiled.CommandText);
    }

    [Fact]
    public async Task AStatementUsedInATransaction_RunsAgainOutsideOne()
    {
        await using var db = await Db.CreateDbContextAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Staff.Add(new StaffMember { Issuer = "https://idp.test/", SubjectId = "tx", DisplayName = "In a transaction", Username = "tx", Roles = Roles.Agent });
            await db.SaveChangesAsync();
            Assert.Equal("tx", await Named(db, "tx"));
            await transaction.RollbackAsync();
        }

        db.ChangeTracker.Clear();
        Assert.Null(await Named(db, "tx"));
        await using (var read = await ReadSnapshot.BeginAsync(db))
        {
            Assert.Null(await Named(db, "tx"));
        }

        Assert.Null(await Named(db, "tx"));
    }

    [Fact]
    public async Task ClosingTheConnection_DropsItsStatements_AndTheNextQueryOpensItAgain()
    {
        await _harness.StaffAsync("dana", Roles.Agent);
        await using var db = await Db.CreateDbContextAsync();
        var statements = await StatementsOfAsync(db);
        await Named(db, "dana");
        Assert.True(statements.Count > 0);

        KeptOpenSqliteConnection.CloseAll(_harness.Get<AuditFiles>().DatabasePath);

        Assert.Equal(ConnectionState.Closed, db.Database.GetDbConnection().State);
        Assert.Equal(0, statements.Count);
        Assert.Equal("dana", await Named(db, "dana"));
        Assert.Equal(ConnectionState.Open, db.Database.GetDbConnection().State);
    }

    [Fact]
    public async Task StoppingTheConsole_ClosesTheKeptConnections()
    {
        var harness = await ServiceHarness.StartAsync();
        SqliteConnection connection;
        await using (var db = await harness.Get<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
        {
            await db.Staff.CountAsync();
            connection = (SqliteConnection)db.Database.GetDbConnection();
        }

        await harness.DisposeAsync();

        Assert.Equal(ConnectionState.Closed, connection.State);
    }

    [Fact]
    public async Task TheCache_KeepsTheMostRecentlyUsedStatements_UpToItsCapacity()
    {
        await using var connection = await OpenInMemoryAsync();
        var statements = PreparedStatements.Of(connection);
        var first = statements.Rent("SELECT 0");
        statements.Return(first);
        for (var i = 1; i <= PreparedStatements.Capacity; i++)
        {
            var command = statements.Rent($"SELECT {i}");
            Assert.Equal((long)i, await command.ExecuteScalarAsync());
            statements.Return(command);
        }

        var latest = statements.Rent($"SELECT {PreparedStatements.Capacity}");
        var oldest = statements.Rent("SELECT 0");

        Assert.Equal(PreparedStatements.Capacity - 1, statements.Count);
        Assert.NotSame(first, oldest);
        Assert.Equal((long)PreparedStatements.Capacity, await latest.ExecuteScalarAsync());
        statements.Return(latest);
        Assert.Same(latest, statements.Rent($"SELECT {PreparedStatements.Capacity}"));
    }

    [Fact]
    public async Task ACommandReturnedWithItsParametersAndTimeout_IsRentedAgainWithout()
    {
        await using var connection = await OpenInMemoryAsync();
        var statements = PreparedStatements.Of(connection);
        var command = statements.Rent("SELECT $value");
        command.Parameters.AddWithValue("$value", "secret-looking value");
        command.CommandTimeout = 1;
        Assert.Equal("secret-looking value", await command.ExecuteScalarAsync());
        statements.Return(command);

        var again = statements.Rent("SELECT $value");

        Assert.Same(command, again);
        Assert.Empty(again.Parameters);
        Assert.Equal(connection.DefaultTimeout, again.CommandTimeout);
        await Assert.ThrowsAsync<InvalidOperationException>(() => again.ExecuteScalarAsync());
    }

    private static async Task<SqliteConnection> OpenInMemoryAsync()
    {
        var connection = new SqliteConnection("Data Source=:memory:");
        await connection.OpenAsync();
        return connection;
    }

    private static Task<string?> Named(AppDbContext db, string username) =>
        db.Staff.Where(s => s.Username == username).Select(s => s.Username).FirstOrDefaultAsync();

    private static async Task<PreparedStatements> StatementsOfAsync(AppDbContext db)
    {
        await db.Staff.CountAsync();
        return PreparedStatements.Of((SqliteConnection)db.Database.GetDbConnection());
    }
}
