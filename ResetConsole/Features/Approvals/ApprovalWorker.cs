using Microsoft.Extensions.Options;

namespace ResetConsole.Features.Approvals;

/// <summary>Runs the approval sweep on the <see cref="TimeProvider"/>'s clock: escalations and lapsed approvals.</summary>
public sealed class ApprovalWorker(ApprovalService approvals, TimeProvider time, IOptions<ApprovalOptions> options, ILogger<ApprovalWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.SweepInterval, time);
        do
        {
            try
            {
                await approvals.SweepAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                ApprovalLog.SweepFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
