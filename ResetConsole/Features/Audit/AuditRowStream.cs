using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace ResetConsole.Features.Audit;

/// <summary>
/// Streams a range of the audit table through SQLite's own statement API: each column is a span over SQLite's
/// buffer, valid until the next row, so verifying a million rows costs no strings and no copies. Columns are in
/// <see cref="AuditVerifier.Columns"/> order.
/// </summary>
internal sealed class AuditRowStream : IDisposable
{
    public const int Sequence = 0, At = 1, ActorIsVendor = 6, CaseId = 9, PreviousHash = 12, Hash = 13;

    private static readonly string Select =
        $"SELECT {AuditVerifier.Columns} FROM AuditEntries WHERE Sequence >= ?1 AND Sequence < ?2 ORDER BY Sequence";

    private readonly SqliteConnection _connection;
    private readonly sqlite3_stmt _statement;

    public AuditRowStream(SqliteConnection connection, long fromSequence, long toSequence = long.MaxValue)
    {
        _connection = connection;
        SqliteException.ThrowExceptionForRC(raw.sqlite3_prepare_v2(connection.Handle, Select, out _statement), connection.Handle);
        raw.sqlite3_bind_int64(_statement, 1, fromSequence);
        raw.sqlite3_bind_int64(_statement, 2, toSequence);
    }

    public bool Next()
    {
        var rc = raw.sqlite3_step(_statement);
        if (rc == raw.SQLITE_ROW)
        {
            return true;
        }

        if (rc != raw.SQLITE_DONE)
        {
            SqliteException.ThrowExceptionForRC(rc, _connection.Handle);
        }

        return false;
    }

    public long Int64(int column) => raw.sqlite3_column_int64(_statement, column);

    /// <summary>The storage class: <c>raw.SQLITE_NULL</c>, <c>SQLITE_TEXT</c>, <c>SQLITE_BLOB</c>…; ask before reading the value.</summary>
    public int Type(int column) => raw.sqlite3_column_type(_statement, column);

    /// <summary>The value's bytes: UTF-8 for text, empty for NULL.</summary>
    public ReadOnlySpan<byte> Bytes(int column) => raw.sqlite3_column_blob(_statement, column);

    public void Dispose() => _statement.Dispose();
}
