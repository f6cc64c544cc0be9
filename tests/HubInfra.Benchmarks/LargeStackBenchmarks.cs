using BenchmarkDotNet.Attributes;
using HubInfra.Cli;
using HubInfra.Core.Config;

namespace HubInfra.Benchmarks;

/// <summary>
/// <c>validate</c> of one 5 MB stack file (6,668 hubs, 280,068 values), and reading it alone (UTF-8 check, bounded YAML reader,
/// layout). Target: well under 2 s on 2 cores — no stack file may take the tool longer (issue 11).
/// </summary>
[MemoryDiagnoser]
public class LargeStackBenchmarks
{
    private string _dir = "";
    private string _file = "";

    [Params(5 * 1024 * 1024)]
    public int Bytes { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _dir = LargeStackFile.Write(Bytes);
        _file = Path.Combine(_dir, "Pulumi.large.yaml");
        var report = new StringWriter();
        if (ValidateCommand.Run(_dir, report) != 0)
            throw new InvalidOperationException("the generated large stack does not validate:\n" + report.ToString()[..Math.Min(2000, report.ToString().Length)]);
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_dir, true);

    [Benchmark]
    public int ValidateFile() => ValidateCommand.Run(_dir, TextWriter.Null);

    [Benchmark]
    public int ReadFile() => StackFile.Load(_file).Values.Count;
}
