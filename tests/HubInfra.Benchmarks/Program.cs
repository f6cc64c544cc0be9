using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "held-out")
{
    HubInfra.Benchmarks.HeldOutScenarios.Print(Console.Out);
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(HubInfra.Benchmarks.StackBenchmarks).Assembly).Run(args);
