using BenchmarkDotNet.Attributes;
using HubInfra.Cli;
using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;
using HubInfra.Core.Stacks;

namespace HubInfra.Benchmarks;

/// <summary>
/// <c>simulate</c> of a 15-week course: the example summer school (340 seats on nodes of 15) held Monday, Wednesday and
/// Friday from 2027-07-05 to 2027-10-15 — 45 windows of 8 hours — both strategies, with 30% no-shows, per backend.
/// Run: <c>dotnet run -c Release --project tests/HubInfra.Benchmarks -- --filter '*Course*'</c>.
/// </summary>
[MemoryDiagnoser]
public class CourseSimulationBenchmarks
{
    private EventPlan _plan = null!;

    [Params(CapacityBackend.Placeholders, CapacityBackend.CapacityBuffer)]
    public CapacityBackend Backend { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // The repository's stacks folder: up from this build's folder to the one holding HubInfra.sln.
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "HubInfra.sln"))) root = root.Parent;
        var set = new StackSet(Path.Combine(root?.FullName ?? Environment.CurrentDirectory, "stacks"));
        var community = set.Load("community-gpu").Community!;
        var yaml = File.ReadAllText(set.PathOf("summer-school-2027"))
            .Replace("to: 2027-07-16", "to: 2027-10-15").Replace("days: [Mon, Tue, Wed, Thu, Fri]", "days: [Mon, Wed, Fri]");
        _plan = StackLoader.Load(HubInfra.Core.Config.StackFile.Parse("course", yaml), _ => community).Plan!;
        if (_plan.Windows.Count != 45) throw new InvalidOperationException($"{_plan.Windows.Count} windows, not 45");
    }

    [Benchmark]
    public double Simulate() => EventSimulation.Run(_plan, SimulationPolicy.From(_plan, 0.3, 5, SimulationPolicy.DefaultSeed, Backend)).Plan.NodeHours;
}
