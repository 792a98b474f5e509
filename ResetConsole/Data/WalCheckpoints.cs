using Microsoft.EntityFrameworkCore;

namespace ResetConsole.Data;

/// <summary>
/// Copies the write-ahead log into the database file off the write path. SQLite checkpoints inside the commit that
/// takes the log past 1,000 pages, and in the console that commit is the case writer's (<c>CaseWriter</c>): everyone
/// queued behind the write gate would wait while it copies pages and syncs the database file. So the writer's
/// connection does not checkpoint automatically while it holds the gate; after every
/// <see cref="ChangesPerCheckpoint"/> changes it commits, a passive checkpoint runs on another connection, one at a
/// time, while the next batch goes on (a passive checkpoint never blocks a writer or a reader). Every other connection
/// keeps SQLite's automatic checkpoint, and a checkpoint changes where committed pages live, never whether they are
/// durable: the commit has already synced the log.
/// </summary>
public sealed class WalCheckpoints(IDbContextFactory<AppDbContext> dbFactory, ILogger<WalCheckpoints> logger)
{
    /// <summary>About SQLite's own cadence: a change writes some ten pages, and SQLite checkpoints at 1,000.</summary>
    public const int ChangesPerCheckpoint = 64;

    /// <summary>SQLite's default, restored on a connection when the writer hands it back to the pool.</summary>
    private const int AutomaticPages = 1000;

    private int _changes;
    private int _running;
    private int _runs;
    private Task _last = Task.CompletedTask;

    /// <summary>The checkpoint started last (tests wait for it).</summary>
    internal Task Last => Volatile.Read(ref _last);

    /// <summary>How many checkpoints this class has started.</summary>
    internal int Runs => Volatile.Read(ref _runs);

    /// <summary>What the last one that finished found: frames in the log, and how many of them are now in the database file.</summary>
    internal (long Frames, long Checkpointed)? LastResult { get; private set; }

    /// <summary>Stops <paramref name="db"/>'s connection (open, in the writer's transaction) checkpointing in its commits.</summary>
    public Task SuspendAutomaticAsync(AppDbContext db, CancellationToken ct = default) =>
        db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0", ct);

    /// <summary>Gives the connection SQLite's automatic checkpoint back before it returns to the pool. Never throws.</summary>
    public async Task ResumeAutomaticAsync(AppDbContext db)
    {
        try
        {
            await db.Database.ExecuteSqlRawAsync($"PRAGMA wal_autocheckpoint={AutomaticPages}");
        }
        catch (Exception ex)
        {
            // The batch's outcome stands (its commit already happened or failed on its own): this connection
            // checkpoints only through this class until the pool drops it.
            DataLog.AutomaticCheckpointNotRestored(logger, ex);
        }
    }

    /// <summary>After a commit of <paramref name="changes"/> changes: starts a checkpoint once enough have built up and none is running.</summary>
    public void Committed(int changes)
    {
        if (Interlocked.Add(ref _changes, changes) < ChangesPerCheckpoint || Interlocked.CompareExchange(ref _running, 1, 0) != 0)
        {
            return;
        }

        Interlocked.Exchange(ref _changes, 0);
        Interlocked.Increment(ref _runs);
        using (ExecutionContext.SuppressFlow())
        {
            Volatile.Write(ref _last, Task.Run(CheckpointAsync));
        }
    }

    private async Task CheckpointAsync()
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync();
            await db.Database.OpenConnectionAsync();
            try
            {
                await using var command = db.Database.GetDbConnection().CreateCommand();
                command.CommandText = "PRAGMA wal_checkpoint(PASSIVE)";
                await using var reader = await command.ExecuteReaderAsync();
                if (await reader.ReadAsync())
                {
                    // Fewer frames copied than logged while a reader still reads an older snapshot; the next checkpoint
                    // copies the rest.
                    LastResult = (reader.GetInt64(1), reader.GetInt64(2));
                    DataLog.Checkpointed(logger, reader.GetInt64(1), reader.GetInt64(2));
                }
            }
            finally
            {
                await db.Database.CloseConnectionAsync();
            }
        }
        catch (Exception ex)
        {
            // The log keeps the pages until a later checkpoint (this class's next one, or another connection's own).
            DataLog.CheckpointFailed(logger, ex);
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }
}
