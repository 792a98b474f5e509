using Serilog;
using Serilog.Formatting.Compact;

namespace ResetConsole.Infrastructure.Logging;

public static class LoggingExtensions
{
    /// <summary>
    /// Serilog's second stage: levels and extra sinks from the <c>Serilog</c> section; the console, a rolling text
    /// file and a rolling CLEF file (for machines) under <c>Logging:Directory</c>.
    /// </summary>
    public static WebApplicationBuilder AddConsoleLogging(this WebApplicationBuilder builder)
    {
        var folder = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, builder.Configuration["Logging:Directory"] ?? "logs"));
        builder.Services.AddSerilog((services, logger) => logger
            .ReadFrom.Configuration(builder.Configuration)
            .ReadFrom.Services(services)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj} {CorrelationId}{NewLine}{Exception}")
            .WriteTo.File(Path.Combine(folder, "resetconsole-.log"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14)
            .WriteTo.File(new CompactJsonFormatter(), Path.Combine(folder, "resetconsole-.clef"), rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14));
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Server.Circuits.CircuitHandler, CircuitLogContextHandler>();
        return builder;
    }
}
