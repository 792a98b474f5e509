using Microsoft.Extensions.Options;

namespace ResetConsole.Features.Audit;

/// <summary>Writes a checkpoint every <c>Audit:Checkpoints:Interval</c> on the <see cref="TimeProvider"/>'s clock, counted from start-up.</summary>
public sealed class AuditCheckpointWorker(AuditCheckpointer checkpointer, TimeProvider time, IOptions<AuditOptions> options, ILogger<AuditCheckpointWorker> logger) : BackgroundService
{
    private PeriodicTimer? _timer;

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        // The timer starts with the host, not whenever the background task gets a thread.
        _timer = new PeriodicTimer(options.Value.Checkpoints.Interval, time);
        return base.StartAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _timer?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (await _timer!.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await checkpointer.WriteAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                AuditMessages.CheckpointRunFailed(logger, ex);
            }
        }
    }
}
