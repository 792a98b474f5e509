using Microsoft.Playwright;
using ResetConsole.Tests.Support;

namespace ResetConsole.Tests.E2E;

/// <summary>
/// One console process on a free port with its own temporary database, and one headless Chromium, shared by the
/// end-to-end tests in a collection. Each test gets fresh browser contexts, so no cookies leak between tests.
/// </summary>
public sealed class ConsoleAppFixture : IAsyncLifetime
{
    private const string ChromiumPath = "/usr/bin/chromium";

    private readonly TempFolder _folder = new();
    private ConsoleProcess? _console;
    private IPlaywright? _playwright;

    public Uri BaseAddress { get; } = new($"http://localhost:{FreePort.Next()}");

    public IBrowser Browser { get; private set; } = default!;

    public string ServerOutput => _console?.Output ?? string.Empty;

    /// <summary>Everything the server wrote: console output and the rolling text and CLEF log files.</summary>
    public string AllServerLogs()
    {
        var folder = Path.Combine(_folder.Path, "logs");
        var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder) : [];
        return ServerOutput + string.Concat(files.Select(f =>
        {
            using var stream = new FileStream(f, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            using var reader = new StreamReader(stream);
            return reader.ReadToEnd();
        }));
    }

    /// <summary>
    /// Leaves the server's logs in <c>TestResults/e2e-logs</c> (which <c>./test.sh</c> empties before a run), so a
    /// failed journey can be read against what the console did at the time.
    /// </summary>
    private void KeepServerLogs()
    {
        var folder = Path.Combine(RepositoryPaths.Root, "TestResults", "e2e-logs");
        System.IO.Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, $"console-{BaseAddress.Port}.log"), AllServerLogs());
    }

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException($"{ChromiumPath} is missing: run ./test.sh, which installs Debian's chromium.");
        }

        // A shared 2-core CI box can be slow under a full run; waiting longer costs nothing when things are fast.
        Assertions.SetDefaultExpectTimeout(15_000);
        _console = ConsoleProcess.Start(_folder.Path, BaseAddress.Port);
        await _console.WaitUntilReadyAsync(BaseAddress, TimeSpan.FromSeconds(90));
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = BaseAddress.ToString() });
        context.SetDefaultTimeout(15_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_console is not null)
        {
            await _console.DisposeAsync();
            KeepServerLogs();
        }

        _folder.Dispose();
    }
}
