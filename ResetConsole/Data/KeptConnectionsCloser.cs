namespace ResetConsole.Data;

/// <summary>
/// Closes the kept connections to the console's database when the console stops, so SQLite checkpoints its log and
/// removes it as on any clean close. Entity Framework's context pool, disposed at the same time, does not dispose its
/// contexts' connections (StatementReuseTests checks the closing).
/// </summary>
public sealed class KeptConnectionsCloser(string databasePath) : IDisposable
{
    public void Dispose() => KeptOpenSqliteConnection.CloseAll(databasePath);
}
