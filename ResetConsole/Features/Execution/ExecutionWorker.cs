using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Execution;

/// <summary>
/// The reconciler and the retry loop: at start-up it resumes executions a crash left in flight; then it retries
/// transient failures when their backoff has passed. Driven by the <see cref="TimeProvider"/>'s clock.
/// </summary>
public sealed class ExecutionWorker(ExecutionService execution, TimeProvider time, ILogger<ExecutionWorker> logger)
    : SweepWorker(time, TimeSpan.FromSeconds(15))
{
    protected override Task SweepAsync(CancellationToken ct) => execution.ResumeAsync(ct);

    protected override void OnSweepFailed(Exception exception) => ExecutionLog.SweepFailed(logger, exception);
}
