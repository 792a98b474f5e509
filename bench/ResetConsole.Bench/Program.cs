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
    var callers = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 64;
    var seconds = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 15;
    return await StoreMeasurement.RunAsync(callers, TimeSpan.FromSeconds(seconds));
}

BenchmarkSwitcher.FromAssembly(typeof(PolicyEvaluationBenchmarks).Assembly).Run(args);
return 0;
