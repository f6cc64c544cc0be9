using BenchmarkDotNet.Running;

BenchmarkSwitcher.FromAssembly(typeof(HubInfra.Benchmarks.StackBenchmarks).Assembly).Run(args);
