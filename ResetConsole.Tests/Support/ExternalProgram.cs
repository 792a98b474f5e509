using System.Diagnostics;

namespace ResetConsole.Tests.Support;

/// <summary>Runs a program to its end and returns its exit code with everything it wrote.</summary>
public static class ExternalProgram
{
    public static async Task<(int ExitCode, string Output)> RunAsync(string program, TimeSpan timeout, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(deadline.Token);
        return (process.ExitCode, await error + await output);
    }
}
