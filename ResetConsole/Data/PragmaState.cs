namespace ResetConsole.Data;

public sealed record PragmaState(string JournalMode, int Synchronous, bool ForeignKeys, int BusyTimeoutMs)
{
    private const int SynchronousFull = 2;

    public bool IsRight => JournalMode == "wal" && Synchronous == SynchronousFull && ForeignKeys && BusyTimeoutMs > 0;

    public override string ToString() =>
        $"journal_mode={JournalMode}, synchronous={Synchronous}, foreign_keys={(ForeignKeys ? 1 : 0)}, busy_timeout={BusyTimeoutMs}";
}
