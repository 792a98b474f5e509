using Microsoft.Extensions.Options;
using ResetConsole.Features.Security;

namespace ResetConsole.Features.Exceptions;

/// <summary>
/// Ends exceptions on the <see cref="TimeProvider"/>'s clock. The first sweep runs at start-up, so an exception
/// that ended while the server was down ends as soon as it is back, from its stored end time.
/// </summary>
public sealed class ExceptionWorker(ExceptionService exceptions, TimeProvider time, IOptions<ExceptionOptions> options, ILogger<ExceptionWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await exceptions.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                SecurityLog.SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
