namespace ResetConsole.Features.Execution;

/// <summary>
/// The reconciler and the retry loop: at start-up it resumes executions a crash left in flight; then it retries
/// transient failures when their backoff has passed. Driven by the <see cref="TimeProvider"/>'s clock.
/// </summary>
public sealed class ExecutionWorker(ExecutionService execution, TimeProvider time, ILogger<ExecutionWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(15);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, time);
        do
        {
            try
            {
                await execution.ResumeAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ExecutionLog.SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
