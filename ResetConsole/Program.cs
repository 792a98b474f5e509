using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Features.Audit;
using ResetConsole.Features.Policy;
using ResetConsole.Infrastructure;
using ResetConsole.Infrastructure.Health;
using ResetConsole.Infrastructure.Logging;
using Serilog;

// `audit verify` and `audit checkpoint` run on the app's configuration and services without starting the web server.
if (AuditCommand.Matches(args))
{
    return await AuditCommand.RunAsync(args);
}

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConsoleLogging();
    builder.Services.AddConsoleServices(builder.Configuration);
    builder.Services.AddConsoleAuthentication(builder.Configuration);
    builder.Services.AddConsoleHealthChecks();
    builder.Services.AddConsoleUi();

    var app = builder.Build();
    app.UseConsolePipeline();
    app.MapConsoleEndpoints();
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
    app.Services.GetRequiredService<AuditKeyring>().Load();
    await app.Services.GetRequiredService<PolicyBootstrap>().InitializeAsync();
    app.WarnWhenDemo();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } reason)
{
    Log.Fatal("ResetConsole cannot start: {Reason}", reason);
    return 1;
}
finally
{
    await Log.CloseAndFlushAsync();
}

public partial class Program;
