using System.Collections.Concurrent;
using System.Diagnostics;

namespace ResetConsole.Tests.Support;

/// <summary>The built console run as its own process, the way an operator runs it: Kestrel on a real port.</summary>
public sealed class ConsoleProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _exited = new(TaskCreationOptions.RunContinuationsAsynchronously);

    private ConsoleProcess(Process process) => _process = process;

    public string Output => string.Join(Environment.NewLine, _output);

    public int? ExitCode => _process.HasExited ? _process.ExitCode : null;

    public static ConsoleProcess Start(string dataFolder, int port, IReadOnlyDictionary<string, string>? settings = null) =>
        Launch(RepositoryPaths.AppAssembly, RepositoryPaths.App, "Development", dataFolder, ["--urls", $"http://localhost:{port}"], settings);

    /// <summary>Runs a command of the app (e.g. <c>audit verify</c>) on the database in <paramref name="dataFolder"/>.</summary>
    public static ConsoleProcess StartCommand(string dataFolder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? settings = null) =>
        Launch(RepositoryPaths.AppAssembly, RepositoryPaths.App, "Development", dataFolder, arguments, settings);

    /// <summary>Runs a publish from its own folder in Production, as README's "Deploying" does.</summary>
    public static ConsoleProcess StartPublished(string publishFolder, string dataFolder, int port) =>
        Launch(Path.Combine(publishFolder, "ResetConsole.dll"), publishFolder, "Production", dataFolder, ["--urls", $"http://localhost:{port}"], settings: null);

    private static ConsoleProcess Launch(
        string assembly, string contentRoot, string environment, string dataFolder, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? settings)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = contentRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(assembly);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        start.ArgumentList.Add("--contentRoot");
        start.ArgumentList.Add(contentRoot);
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Database__Path"] = Path.Combine(dataFolder, "console.db");
        start.Environment["Logging__Directory"] = Path.Combine(dataFolder, "logs");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var console = new ConsoleProcess(process);
        process.OutputDataReceived += (_, e) => console.Append(e.Data);
        process.ErrorDataReceived += (_, e) => console.Append(e.Data);
        process.Exited += (_, _) => console._exited.TrySetResult();
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return console;
    }

    /// <summary>Waits until /health/ready answers 200, or fails with the process output.</summary>
    public async Task WaitUntilReadyAsync(Uri baseAddress, TimeSpan timeout)
    {
        using var http = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
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
                // Not listening yet, or still warming up.
            }

            await Task.WhenAny(_exited.Task, Task.Delay(200));
        }

        throw new TimeoutException($"The console was not ready within {timeout}:{Environment.NewLine}{Output}");
    }

    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            _output.Enqueue(line);
        }
    }
}
