namespace ResetConsole.Data;

internal static partial class DataLog
{
    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Database ready at {Path} with {Pragmas}")]
    public static partial void DatabaseReady(ILogger logger, string path, string pragmas);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Information, Message = "Seeded the demo directory with {Count} accounts")]
    public static partial void DemoDirectorySeeded(ILogger logger, int count);
}
