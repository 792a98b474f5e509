using System.Globalization;
using BenchmarkDotNet.Running;
using ResetConsole.Bench;

if (args.Length > 0 && args[0] is "fanout" or "fanout-floor")
{
    var screens = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 1000;
    var decisions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 10;
    return await FanOutMeasurement.RunAsync(screens, decisions, bare: args[0] == "fanout-floor");
}

BenchmarkSwitcher.FromAssembly(typeof(PolicyEvaluationBenchmarks).Assembly).Run(args);
return 0;
