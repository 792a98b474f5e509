using System.Data;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;

namespace ResetConsole.Data;

/// <summary>
/// The statements prepared on one open SQLite connection, by SQL text, most recently used kept. Entity Framework makes a
/// new command for every execution and disposes it afterwards, and Microsoft.Data.Sqlite compiles a command's SQL on
/// its first execution and finalizes it on dispose: every query was compiled again each time, the largest single cost
/// the console owned in the queue read, the case page's open and the approve path (docs/performance.md). Here the
/// command Entity Framework disposes (<see cref="ReusedSqliteCommand"/>) hands its compiled statement back for the next
/// execution of the same SQL on the same connection. Used only on connections that stay open
/// (<see cref="KeptOpenSqliteConnection"/>); a connection that closes drops its statements.
/// </summary>
public sealed class PreparedStatements
{
    /// <summary>Per connection. The hot statements are a few dozen; what falls out is compiled again when next used.</summary>
    public const int Capacity = 64;

    private static readonly ConditionalWeakTable<SqliteConnection, PreparedStatements> ByConnection = new();

    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, LinkedListNode<SqliteCommand>> _idle = new(StringComparer.Ordinal);
    private readonly LinkedList<SqliteCommand> _recent = new();
    private readonly Lock _lock = new();

    private PreparedStatements(SqliteConnection connection)
    {
        _connection = connection;
        // Microsoft.Data.Sqlite disposes a connection's commands when it closes; drop them from here too.
        connection.StateChange += (_, e) =>
        {
            if (e.CurrentState == ConnectionState.Closed)
            {
                Clear();
            }
        };
    }

    public static PreparedStatements Of(SqliteConnection connection) => ByConnection.GetValue(connection, c => new PreparedStatements(c));

    /// <summary>How many compiled statements wait for reuse (for tests).</summary>
    public int Count
    {
        get
        {
            lock (_lock)
            {
                return _idle.Count;
            }
        }
    }

    /// <summary>The compiled commands waiting for reuse, most recent first (for tests).</summary>
    internal IReadOnlyList<SqliteCommand> Idle
    {
        get
        {
            lock (_lock)
            {
                return [.. _recent];
            }
        }
    }

    /// <summary>A command for this SQL: the one used last time, compiled, if it is idle; a new one otherwise.</summary>
    public SqliteCommand Rent(string sql)
    {
        lock (_lock)
        {
            if (_idle.Remove(sql, out var node))
            {
                _recent.Remove(node);
                return node.Value;
            }
        }

        var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command;
    }

    /// <summary>
    /// Back after use, its reader disposed: kept for the next execution of the same SQL, or disposed. Nothing its last
    /// user set carries over: parameters, transaction and timeout are as a new command's.
    /// </summary>
    public void Return(SqliteCommand command)
    {
        command.Parameters.Clear();
        command.Transaction = null;
        command.CommandTimeout = _connection.DefaultTimeout;
        SqliteCommand? dropped = null;
        lock (_lock)
        {
            if (_connection.State != ConnectionState.Open || _idle.ContainsKey(command.CommandText))
            {
                dropped = command;
            }
            else
            {
                _idle[command.CommandText] = _recent.AddFirst(command);
                if (_idle.Count > Capacity)
                {
                    var oldest = _recent.Last!;
                    _recent.RemoveLast();
                    _idle.Remove(oldest.Value.CommandText);
                    dropped = oldest.Value;
                }
            }
        }

        dropped?.Dispose();
    }

    private void Clear()
    {
        List<SqliteCommand> commands;
        lock (_lock)
        {
            commands = [.. _recent];
            _recent.Clear();
            _idle.Clear();
        }

        foreach (var command in commands)
        {
            command.Dispose();
        }
    }
}
