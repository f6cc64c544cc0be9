using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HubInfra.Deploy.Benchmarks.MockEvaluationBenchmarks).Assembly).Run(args);
