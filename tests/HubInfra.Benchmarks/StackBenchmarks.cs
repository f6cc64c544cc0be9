using BenchmarkDotNet.Attributes;
using HubInfra.Cli;

namespace HubInfra.Benchmarks;

/// <summary><c>validate</c> and <c>render</c> over 100 generated community stacks (3 hubs each). Target: under 2 s on 2 cores.</summary>
[MemoryDiagnoser]
public class StackBenchmarks
{
    private string _dir = "";

    [Params(100)]
    public int Stacks { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = GeneratedStacks.Write(Stacks);
        var report = new StringWriter();
        if (ValidateCommand.Run(_dir, report) != 0)
            throw new InvalidOperationException("generated stacks do not validate:\n" + report);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [Benchmark]
    public int Validate() => ValidateCommand.Run(_dir, TextWriter.Null);

    [Benchmark]
    public int RenderAll() => DiffCommand.RenderAll(_dir, TextWriter.Null).Count;
}
