using Microsoft.Extensions.Options;
using ResetConsole.Features.Security;
using ResetConsole.Infrastructure;

namespace ResetConsole.Features.Exceptions;

/// <summary>
/// Ends exceptions on the <see cref="TimeProvider"/>'s clock. The first sweep runs at start-up, so an exception
/// that ended while the server was down ends as soon as it is back, from its stored end time.
/// </summary>
public sealed class ExceptionWorker(ExceptionService exceptions, TimeProvider time, IOptions<ExceptionOptions> options, ILogger<ExceptionWorker> logger)
    : SweepWorker(time, options.Value.SweepInterval)
{
    protected override Task SweepAsync(CancellationToken ct) => exceptions.SweepAsync(ct);

    protected override void OnSweepFailed(Exception exception) => SecurityLog.SweepFailed(logger, exception);
}
