using System.Diagnostics;

namespace ResetConsole.Tests.Support;

/// <summary>Runs a program to its end and returns its exit code with everything it wrote; past the timeout, stops it and throws.</summary>
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
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            // A program past its time is stopped, not left running behind the failed test.
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{Path.GetFileName(program)} did not finish within {timeout}.");
        }

        return (process.ExitCode, await error + await output);
    }
}
