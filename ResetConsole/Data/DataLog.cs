namespace ResetConsole.Data;

internal static partial class DataLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database ready at {Path} with {Pragmas}")]
    public static partial void DatabaseReady(ILogger logger, string path, string pragmas);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Seeded the demo directory with {Count} accounts")]
    public static partial void DemoDirectorySeeded(ILogger logger, int count);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Debug, Message = "Checkpoint: {Checkpointed} of {Frames} log frames in the database file")]
    public static partial void Checkpointed(ILogger logger, long frames, long checkpointed);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "A checkpoint of the write-ahead log failed; the log keeps its pages until the next one")]
    public static partial void CheckpointFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 2005, Level = LogLevel.Warning, Message = "Could not give a writer's connection its automatic checkpoint back")]
    public static partial void AutomaticCheckpointNotRestored(ILogger logger, Exception exception);
}
