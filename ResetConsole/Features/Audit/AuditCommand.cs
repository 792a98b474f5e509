using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ResetConsole.Auth;
using ResetConsole.Infrastructure;
using Serilog;
using Serilog.Events;

namespace ResetConsole.Features.Audit;

/// <summary>
/// <c>ResetConsole audit verify</c> and <c>audit checkpoint</c>: the app's own configuration and services, without the
/// web server. Exit codes: 0 intact (or checkpoint written), 2 broken or an untrusted checkpoint line, 1 error.
/// </summary>
public static class AuditCommand
{
    public const int Intact = 0;
    public const int Error = 1;
    public const int Broken = 2;

    public static bool Matches(string[] args) => args.Length > 0 && args[0] == "audit";

    public static async Task<int> RunAsync(string[] args)
    {
        var verb = args.Length > 1 ? args[1] : string.Empty;
        if (verb is not ("verify" or "checkpoint"))
        {
            await Console.Error.WriteLineAsync("usage: ResetConsole audit verify | audit checkpoint   (settings as for the app: --Database:Path=..., environment, appsettings)");
            return Error;
        }

        try
        {
            await using var app = Build(args[2..]);
            return verb == "verify" ? await VerifyAsync(app.Services) : await CheckpointAsync(app.Services);
        }
        catch (Exception ex) when (StartupFailure.Describe(ex) is { } reason)
        {
            await Console.Error.WriteLineAsync($"audit {verb} failed: {reason}");
            return Error;
        }
        catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"audit {verb} failed: {ex.Message}");
            return Error;
        }
    }

    private static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Services.AddSerilog(c => c.MinimumLevel.Warning().WriteTo.Console(standardErrorFromLevel: LogEventLevel.Verbose));
        builder.Services.AddConsoleServices(builder.Configuration);
        builder.Services.AddConsoleAuthentication(builder.Configuration);

        // A command must not mint a demo key: a new key would call every existing entry forged.
        builder.Services.Replace(ServiceDescriptor.Singleton(sp => sp.GetRequiredService<AuditKeySource>().Keyring(mayCreate: false)));
        return builder.Build();
    }

    private static async Task<int> VerifyAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<AuditVerifier>().VerifyAsync();
        Console.WriteLine(result.Summary);
        foreach (var problem in result.CheckpointProblems)
        {
            Console.WriteLine($"warning: {problem}");
        }

        return result.IsClean ? Intact : Broken;
    }

    private static async Task<int> CheckpointAsync(IServiceProvider services)
    {
        var result = await services.GetRequiredService<AuditCheckpointer>().WriteAsync();
        Console.WriteLine(result.Summary);
        return result.ChainIntact ? Intact : Broken;
    }
}
