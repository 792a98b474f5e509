using Microsoft.AspNetCore.Components.Server.Circuits;
using Serilog.Context;

namespace ResetConsole.Infrastructure.Logging;

/// <summary>
/// Tags everything a circuit logs with a correlation id of its own. Blazor's circuit id is not used: it is part of
/// what reconnects a circuit and does not belong in logs.
/// </summary>
public sealed class CircuitLogContextHandler : CircuitHandler
{
    private readonly string _correlationId = "c-" + Guid.NewGuid().ToString("N");

    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        async context =>
        {
            using (LogContext.PushProperty("CorrelationId", _correlationId))
            {
                await next(context);
            }
        };
}
