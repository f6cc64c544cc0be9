using BenchmarkDotNet.Running;

if (args.Length > 0 && args[0] == "held-out")
{
    HubInfra.Benchmarks.HeldOutScenarios.Print(Console.Out, args.Length > 1 ? args[1] : "stacks");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(HubInfra.Benchmarks.StackBenchmarks).Assembly).Run(args);
