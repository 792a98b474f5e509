using System.Globalization;
using BenchmarkDotNet.Running;
using ResetConsole.Bench;

if (args.Length > 0 && args[0] is "fanout" or "fanout-floor")
{
    var screens = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
    var decisions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    return await FanOutMeasurement.RunAsync(screens, decisions, bare: args[0] == "fanout-floor");
}

if (args.Length > 0 && args[0] == "store")
{
    var positional = args.Skip(1).TakeWhile(a => !a.StartsWith("--", StringComparison.Ordinal)).ToArray();
    var callers = positional.Length > 0 ? int.Parse(positional[0], CultureInfo.InvariantCulture) : 64;
    var seconds = positional.Length > 1 ? int.Parse(positional[1], CultureInfo.InvariantCulture) : 15;
    var rate = positional.Length > 2 ? int.Parse(positional[2], CultureInfo.InvariantCulture) : 1_000;
    var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
    return await StoreMeasurement.RunAsync(callers, TimeSpan.FromSeconds(seconds), rate, only);
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(PolicyEvaluationBenchmarks).Assembly).Run(args);

// A benchmark that failed validation or threw leaves a table without its figures: bench/run.sh must fail, not report it.
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;
