using BenchmarkDotNet.Running;
using ResetConsole.Bench;

BenchmarkSwitcher.FromAssembly(typeof(PolicyEvaluationBenchmarks).Assembly).Run(args);
