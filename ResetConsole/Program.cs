using ResetConsole.Auth;
using ResetConsole.Data;
using ResetConsole.Directory;
using ResetConsole.Features.Approvals;
using ResetConsole.Features.Cases;
using ResetConsole.Features.Execution;
using ResetConsole.Features.Policy;
using ResetConsole.Notifications;
using ResetConsole.Infrastructure;
using ResetConsole.Infrastructure.Health;
using ResetConsole.Infrastructure.Logging;
using Serilog;

Log.Logger = new LoggerConfiguration().WriteTo.Console().CreateBootstrapLogger();

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddConsoleLogging();
    builder.Services.AddConsoleData();
    builder.Services.AddDirectory(builder.Configuration);
    builder.Services.AddRecoveryPolicy();
    builder.Services.AddConsoleInfrastructure();
    builder.Services.AddNotifications();
    builder.Services.AddCases();
    builder.Services.AddApprovals();
    builder.Services.AddExecution();
    builder.Services.AddConsoleAuthentication(builder.Configuration);
    builder.Services.AddConsoleHealthChecks();
    builder.Services.AddConsoleUi();

    var app = builder.Build();
    app.UseConsolePipeline();
    app.MapConsoleEndpoints();
    await app.Services.GetRequiredService<DatabaseInitializer>().InitializeAsync();
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
