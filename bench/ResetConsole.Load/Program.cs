using ResetConsole.Load;
using ResetConsole.Load.Scenarios;

var options = Options.Parse(args);
try
{
    return await RunAsync(options, args);
}
catch (Exception ex)
{
    Console.Error.WriteLine($"!! {options.Command} failed: {ex}");
    return 1;
}

static async Task<int> RunAsync(Options options, string[] args) => options.Command switch
{
    "smoke" => await SmokeScenario.RunAsync(options),
    "footprint" => await FootprintScenario.RunAsync(options),
    "browser" => await BrowserScenario.RunAsync(options),
    "fanout" => await FanOutScenario.RunAsync(options),
    "interaction" => await InteractionScenario.RunAsync(options),
    "countdowns" => await CountdownsScenario.RunAsync(options),
    "reconnect" => await ReconnectScenario.RunAsync(options),
    "capacity" => await CapacityScenario.RunAsync(options),
    "report" => await ResetConsole.Load.Reporting.PerformanceReport.RunAsync([.. args.Skip(1)]),
    _ => Usage(),
};

static int Usage()
{
    Console.WriteLine("""
        ResetConsole headless circuit load harness (issue 9). Each scenario starts the console (Release build) on a copy
        of a seeded database, signs the demo staff in through the embedded OIDC provider, drives real circuits and
        writes a JSON result. Any circuit error fails the run.

          smoke                                       one circuit per screen, a click on the Counter
          footprint   [--circuits 1000] [--screens case,queue,dashboard] [--hold s] [--rounds n]
                                                      heap per circuit after a full GC, each screen beside the Counter;
                                                      --hold keeps every circuit open s seconds (for dotnet-gcdump);
                                                      --rounds closes them and opens them again n-1 times on the same
                                                      console, printing its CPU per open each time (warm against young)
          fanout      [--circuits 1000] [--decisions 20]  decision commit to render on N queue screens, beside a bare table
          interaction [--circuits 2000] [--duration 60]   event to render batch, agents clicking every 2 s, beside the Counter
          countdowns  [--circuits 2000] [--duration 30]   server renders/s with idle screens, beside a server-ticked 1 Hz page
          browser     [--circuits 1000] [--agent-cases 8] an agent in Chromium (Playwright) beside N background circuits:
                                                      interaction to next paint and to visible update
          reconnect   [--circuits 2000]               restart the console with agents connected: time until all are interactive
          capacity    [--circuits 5000] [--duration 600]  mixed circuits held open: heap after full GC, errors
          report      <results/*.json ...> <docs/performance.md>   rewrite the generated tables of the performance document

        Common: --cases 100000 --open 10000 (seeded data), --out results/<scenario>.json, --app <ResetConsole.dll>,
        --work <folder for databases>, --verbose (echo the console's log). bench/run.sh runs everything.
        """);
    return 2;
}
