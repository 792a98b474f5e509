namespace ResetConsole.Infrastructure.Events;

internal static partial class EventLog
{
    [LoggerMessage(EventId = 4001, Level = LogLevel.Warning, Message = "A subscriber failed to handle {Topic}")]
    public static partial void DeliveryFailed(ILogger logger, Exception exception, ConsoleTopic topic);
}
