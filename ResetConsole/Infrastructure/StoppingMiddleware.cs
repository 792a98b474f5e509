namespace ResetConsole.Infrastructure;

/// <summary>
/// Refuses every request that arrives once the console has begun to stop: 503 with Retry-After, before anything else
/// in the pipeline runs. Stopping starts by closing every circuit's SignalR connection, and the console's script
/// (like the browser's reconnect schedule, wwwroot/js/start.js) tries again at once, while Kestrel still accepts
/// connections until the host stops it a moment later. A reconnect that won that race got its page back on the
/// stopping process, which then waited its whole shutdown timeout (30 s) for those new connections before dropping
/// them, and the agents lost their page a second time (seen in the reconnect storm; docs/performance.md, ninth pass).
/// Refused, the client tries again on its schedule and reaches the next process. Requests already running finish.
/// </summary>
public sealed partial class StoppingMiddleware(RequestDelegate next, IHostApplicationLifetime lifetime, ILogger<StoppingMiddleware> logger)
{
    private int _refused;

    public Task InvokeAsync(HttpContext context)
    {
        // True from the first moment of stopping, before any of the token's callbacks (SignalR's among them) run.
        if (!lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return next(context);
        }

        if (Interlocked.Exchange(ref _refused, 1) == 0)
        {
            RefusingWhileStopping(logger);
        }

        // No Connection header: HTTP/2 and HTTP/3 forbid it, and Kestrel closes idle connections as it stops anyway.
        context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        context.Response.Headers.RetryAfter = "1";
        return Task.CompletedTask;
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "The console is stopping: new requests are refused (503) until it exits")]
    private static partial void RefusingWhileStopping(ILogger logger);
}
