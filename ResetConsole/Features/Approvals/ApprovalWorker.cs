using Microsoft.Extensions.Options;
using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Approvals;

/// <summary>Runs the approval sweep on the <see cref="TimeProvider"/>'s clock: escalations and lapsed approvals.</summary>
public sealed class ApprovalWorker(ApprovalService approvals, TimeProvider time, IOptions<ApprovalOptions> options, ILogger<ApprovalWorker> logger)
    : SweepWorker(time, options.Value.SweepInterval)
{
    protected override Task SweepAsync(CancellationToken ct) => approvals.SweepAsync(ct);

    protected override void OnSweepFailed(Exception exception) => ApprovalLog.SweepFailed(logger, exception);
}
