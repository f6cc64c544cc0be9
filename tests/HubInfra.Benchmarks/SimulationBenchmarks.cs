using BenchmarkDotNet.Attributes;
using HubInfra.Core.Simulation;

namespace HubInfra.Benchmarks;

/// <summary>
/// <c>simulate</c>'s model: 100 windows like one day of the summer school (8 h, 340 seats on nodes of 15, warm
/// 30 minutes before, cool 15 after), each with its own seed, per strategy.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private static readonly WindowScenario Day = new("day", -1800, 8 * 3600, 8 * 3600 + 900, 340, 23, 15, 24);

    [Params(100)]
    public int Windows { get; set; }

    [Params(0.0, 0.3)]
    public double NoShow { get; set; }

    private double Run(Strategy strategy)
    {
        double nodeHours = 0;
        for (var i = 0; i < Windows; i++)
        {
            var policy = new SimulationPolicy(60, 60, 15, true, false, false, SimulationPolicy.DefaultPullMinutes, NoShow, i);
            nodeHours += WindowSimulator.Run(Day, strategy, policy, ClusterTimings.Default, ArrivalCurve.Default, new Random(i)).NodeHours;
        }
        return nodeHours;
    }

    [Benchmark]
    public double NoPrewarm() => Run(Strategy.NoPrewarm);

    [Benchmark]
    public double Plan() => Run(Strategy.Plan);
}
