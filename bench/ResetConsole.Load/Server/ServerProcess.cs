using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ResetConsole.Load.Server;

/// <summary>
/// The console as its own Release process on a real port, the way an operator runs it, with the bench diagnostics on
/// and its log at Warning (request logging for thousands of circuits would measure the console sink, not the app).
/// </summary>
public sealed class ServerProcess : IAsyncDisposable
{
    private readonly ConcurrentQueue<string> _output = new();
    private Process? _process;

    private ServerProcess(ServerOptions options, string databasePath, int port)
    {
        Options = options;
        DatabasePath = databasePath;
        Origin = new Uri($"http://localhost:{port}/");
    }

    public ServerOptions Options { get; }

    public string DatabasePath { get; }

    public Uri Origin { get; }

    public int ProcessId => _process?.Id ?? 0;

    /// <summary>The CPU the running console process has used since it started (user and system, all threads).</summary>
    public TimeSpan Cpu => _process is { HasExited: false } process ? process.TotalProcessorTime : TimeSpan.Zero;

    /// <summary>Raised for every Error or Fatal line the console logs: an error under load fails the run.</summary>
    public Action<string>? ServerErrors { get; set; }

    public string Output => string.Join(Environment.NewLine, _output.TakeLast(60));

    public static async Task<ServerProcess> StartAsync(ServerOptions options, string databasePath)
    {
        var server = new ServerProcess(options, databasePath, FreePort());
        await server.StartProcessAsync();
        return server;
    }

    /// <summary>Stops the server the way a deploy does (SIGTERM, graceful) and starts it again on the same port and data.</summary>
    public async Task<(TimeSpan Stopped, TimeSpan Ready)> RestartAsync()
    {
        var clock = Stopwatch.StartNew();
        await StopAsync();
        var stopped = clock.Elapsed;
        await StartProcessAsync();
        return (stopped, clock.Elapsed);
    }

    public async Task StopAsync()
    {
        if (_process is null || _process.HasExited)
        {
            return;
        }

        using (var term = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
        {
            await term.WaitForExitAsync();
        }

        using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(45));
        try
        {
            await _process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process?.Dispose();
    }

    private async Task StartProcessAsync()
    {
        var folder = Path.GetDirectoryName(DatabasePath)!;
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Options.AppAssembly, "--urls", Origin.GetLeftPart(UriPartial.Authority), "--contentRoot", Options.ContentRoot },
            WorkingDirectory = Options.ContentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = Options.Environment;
        start.Environment["Database__Path"] = DatabasePath;
        start.Environment["Logging__Directory"] = Path.Combine(folder, "logs");
        start.Environment["Bench__Diagnostics"] = "true";
        start.Environment["Serilog__MinimumLevel__Default"] = "Warning";
        start.Environment["Serilog__MinimumLevel__Override__Microsoft.AspNetCore"] = "Warning";
        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        await WaitUntilReadyAsync(TimeSpan.FromSeconds(120));
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = Origin, Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The console exited with {_process.ExitCode}:{Environment.NewLine}{Output}");
            }

            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"The console was not ready within {timeout}:{Environment.NewLine}{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        _output.Enqueue(line);
        while (_output.Count > 500 && _output.TryDequeue(out _))
        {
        }

        var failed = line.Contains(" ERR]", StringComparison.Ordinal) || line.Contains(" FTL]", StringComparison.Ordinal);
        if (failed)
        {
            ServerErrors?.Invoke(line);
        }

        if (Options.Verbose || failed)
        {
            Console.Error.WriteLine($"   server: {line}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
