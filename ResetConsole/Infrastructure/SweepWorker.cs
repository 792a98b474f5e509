namespace ResetConsole.Infrastructure;

/// <summary>
/// A background loop on the <see cref="TimeProvider"/>'s clock: one sweep at start-up, then one per interval. A failed
/// sweep is logged and the next tick tries again; only shutdown stops the loop.
/// </summary>
public abstract class SweepWorker(TimeProvider time, TimeSpan interval) : BackgroundService
{
    protected abstract Task SweepAsync(CancellationToken ct);

    protected abstract void OnSweepFailed(Exception exception);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, time);
        do
        {
            try
            {
                await SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                OnSweepFailed(ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
