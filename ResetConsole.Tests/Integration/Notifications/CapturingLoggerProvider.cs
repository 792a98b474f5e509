using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ResetConsole.Tests.Integration.Notifications;

/// <summary>Keeps everything logged, message, structured values and exception, as one searchable text.</summary>
public sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _entries = new();

    public string Text => string.Join(Environment.NewLine, _entries);

    public ILogger CreateLogger(string categoryName) => new Logger(categoryName, _entries);

    public void Dispose()
    {
    }

    private sealed class Logger(string category, ConcurrentQueue<string> entries) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(" ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            entries.Enqueue($"{logLevel} {category} {formatter(state, exception)} {values} {exception}");
        }
    }
}
