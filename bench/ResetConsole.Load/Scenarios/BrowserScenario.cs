using Microsoft.Playwright;
using ResetConsole.Auth.Embedded;
using ResetConsole.Load.Results;
using static ResetConsole.Load.Results.Stats;

namespace ResetConsole.Load.Scenarios;

/// <summary>
/// An agent in a real browser (Debian's Chromium through Playwright) working cases while N other agents' case pages are
/// open as background circuits. For each of the agent's main actions it records two figures:
/// <list type="bullet">
/// <item>interaction to next paint, Chromium's own Event Timing entries (the INP definition: input to the paint after
/// the event's handlers; Chromium reports only interactions of 16 ms or more, the rest count as under 16 ms);</item>
/// <item>interaction to visible update: from the event to the first paint after Blazor changed the page, which for a
/// server-rendered screen includes the round trip to the server and the render batch.</item>
/// </list>
/// The actions: open a case, send the one-time code, type a code (each keystroke), check it (a wrong code, so the case
/// stays workable), open the "suspected social engineering" form and cancel it.
/// </summary>
public static class BrowserScenario
{
    private const string ChromiumPath = "/usr/bin/chromium";

    // Installed before any page script: Chromium's Event Timing entries, and the time from each input to the first
    // paint after the DOM next changes.
    private const string Probe = """
        window.__events = [];
        new PerformanceObserver(list => {
          for (const e of list.getEntries()) if (e.interactionId) window.__events.push({ id: e.interactionId, name: e.name, duration: e.duration });
        }).observe({ type: 'event', durationThreshold: 16, buffered: true });
        window.__updates = [];
        for (const type of ['click', 'input', 'change']) {
          document.addEventListener(type, e => {
            const start = e.timeStamp;
            const observer = new MutationObserver(() => {
              observer.disconnect();
              requestAnimationFrame(() => setTimeout(() => window.__updates.push({ type, ms: performance.now() - start }), 0));
            });
            observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
            setTimeout(() => observer.disconnect(), 10000);
          }, true);
        }
        """;

    public static async Task<int> RunAsync(Options options)
    {
        var background = options.Int("circuits", 1000);
        var casesToWork = options.Int("agent-cases", 8);
        var report = new ResultWriter(options, "browser", "Browser: interaction to next paint with background circuits");
        if (!File.Exists(ChromiumPath))
        {
            Console.Error.WriteLine($"{ChromiumPath} is missing (apt-get install chromium); Playwright cannot download a browser here.");
            return 1;
        }

        var server = options.Server() with { ServesStaticFiles = true };
        await using var run = await LoadRun.StartAsync(server, "browser");
        await run.WarmUpAsync(Screen.AgentCase);
        var circuits = await run.OpenAsync(Screen.AgentCase, background);
        await LoadRun.QuietAsync(circuits, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(120));

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
        var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = run.Server.Origin.ToString() });
        context.SetDefaultTimeout(30_000);
        await context.AddInitScriptAsync(Probe);
        var page = await context.NewPageAsync();
        page.Response += (_, r) =>
        {
            if (r.Status >= 400)
            {
                run.Errors.Add("browser-http", $"{r.Status} {r.Request.Method} {r.Url}");
            }
        };
        page.Console += (_, m) =>
        {
            if (m.Type is "error" && !m.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
            {
                run.Errors.Add("browser-console", m.Text);
            }
        };
        await SignInAsync(page);

        var actions = new Dictionary<string, List<(double Inp, double Update)>>();
        var cases = Server.BenchDatabase.AgentCases(options.Server()).Take(casesToWork).ToList();
        foreach (var caseId in cases)
        {
            await WorkCaseAsync(page, caseId, actions);
        }

        var after = await run.SnapshotAsync();
        var rows = actions.Select(a => Row(a.Key, a.Value)).ToList();
        var all = actions.Values.SelectMany(v => v).ToList();
        rows.Add(Row("all actions", all));
        report.Conditions = $"one agent (dana) in headless Chromium {browser.Version} working {cases.Count} cases, while {background:N0} other agent case pages are open as " +
            $"background circuits ({after.ActiveCircuits:N0} circuits on the server at the end); the console in the {server.Environment} environment{(server.IsPublished ? "" : " (a build serves its scripts and CSS only there)")}; console, harness and browser on the same machine";
        report.Table($"Agent actions in Chromium with {background:N0} background circuits (p75 over the actions; Chromium reports event timings of 16 ms or more)",
            ["action", "interactions", "interaction to next paint p75", "max", "interaction to visible update p75", "p95", "max"], rows);
        var inp = Percentile(all.Select(a => a.Inp).Order().ToList(), 0.75);
        report.Note($"Goal: interaction to next paint p75 ≤ 100 ms — {Goal(inp, 100)}{AtSize(background, 1000, "background circuits")}. " +
            "Interaction to visible update is the round trip through the circuit, the figure an agent feels on a server-rendered screen.");
        await context.CloseAsync();
        await run.CloseAsync(circuits);
        return await report.WriteAsync(run.Errors);
    }

    private static string[] Row(string action, List<(double Inp, double Update)> m)
    {
        var inp = m.Select(x => x.Inp).Order().ToList();
        var update = m.Select(x => x.Update).Where(x => !double.IsNaN(x)).Order().ToList();
        return [action, N(m.Count), Under16(Percentile(inp, 0.75)), Under16(inp.Count > 0 ? inp[^1] : double.NaN),
            update.Count > 0 ? Ms(Percentile(update, 0.75)) : "n/a", update.Count > 0 ? Ms(Percentile(update, 0.95)) : "n/a", update.Count > 0 ? Ms(update[^1]) : "n/a"];
    }

    private static string Under16(double ms) => double.IsNaN(ms) ? "n/a" : ms < 16 ? "< 16 ms" : Ms(ms);

    private static async Task SignInAsync(IPage page)
    {
        await page.GotoAsync("/");
        await page.GetByLabel("Username").FillAsync(Server.BenchDatabase.Agent);
        await page.GetByLabel("Password").FillAsync(DemoStaff.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    private static async Task WorkCaseAsync(IPage page, string caseId, Dictionary<string, List<(double, double)>> actions)
    {
        // Open the case from the cases list, as an agent does: a link click and an in-place navigation.
        await page.GotoAsync("/cases");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Measure(page, actions, "open a case from the list", async () =>
        {
            await page.Locator($"a[href='/cases/{caseId}']").First.ClickAsync();
            await page.GetByRole(AriaRole.Heading, new() { Name = "Verification script" }).WaitForAsync();
        });

        var codeStep = page.GetByRole(AriaRole.Region, new() { NameRegex = new System.Text.RegularExpressions.Regex("One-time code to a contact of record") });
        var send = codeStep.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Send (code|a new code)$") });
        if (await send.CountAsync() > 0)
        {
            await Measure(page, actions, "send the one-time code", async () =>
            {
                await send.ClickAsync();
                await codeStep.GetByLabel("Code read back by the caller").WaitForAsync();
            });
            var box = codeStep.GetByLabel("Code read back by the caller");
            await box.ClickAsync();
            foreach (var digit in "000000")
            {
                await Measure(page, actions, "type a digit of the code", () => box.PressAsync(digit.ToString()));
            }

            await Measure(page, actions, "check the code (wrong)", async () =>
            {
                await codeStep.GetByRole(AriaRole.Button, new() { Name = "Check code" }).ClickAsync();
                await codeStep.GetByRole(AriaRole.Status).WaitForAsync();
            });
        }

        var freeze = page.GetByRole(AriaRole.Button, new() { Name = "Suspected social engineering" });
        if (await freeze.CountAsync() > 0)
        {
            await Measure(page, actions, "open the freeze form", async () =>
            {
                await freeze.ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).WaitForAsync();
            });
            await Measure(page, actions, "cancel the freeze form", async () =>
            {
                await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).ClickAsync();
                await page.GetByRole(AriaRole.Button, new() { Name = "Cancel" }).WaitForAsync(new() { State = WaitForSelectorState.Detached });
            });
        }
    }

    /// <summary>Runs one interaction and reads what the probe recorded for it.</summary>
    private static async Task Measure(IPage page, Dictionary<string, List<(double, double)>> actions, string action, Func<Task> interact)
    {
        await page.EvaluateAsync("() => { window.__events = []; window.__updates = []; }");
        await interact();
        // Event Timing entries and the update probe arrive after the paint; give them a few frames.
        await page.WaitForTimeoutAsync(300);
        var inp = await page.EvaluateAsync<double>("() => window.__events.reduce((m, e) => Math.max(m, e.duration), 0)");
        var update = await page.EvaluateAsync<double>("() => window.__updates.length ? Math.min(...window.__updates.map(u => u.ms)) : NaN");
        if (!actions.TryGetValue(action, out var list))
        {
            actions[action] = list = [];
        }

        list.Add((inp, update));
    }
}
