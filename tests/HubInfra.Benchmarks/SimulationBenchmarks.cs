using BenchmarkDotNet.Attributes;
using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;
using NodaTime;

namespace HubInfra.Benchmarks;

/// <summary>
/// <c>simulate</c>'s model: 100 windows like one day of the summer school (8 h, 340 seats on nodes of 15, warm
/// 30 minutes before, cool 15 after), each with its own seed, per strategy.
/// </summary>
[MemoryDiagnoser]
public class SimulationBenchmarks
{
    private static readonly Instant Origin = Instant.FromUtc(2027, 7, 5, 7, 0);

    private static readonly WindowScenario Day = new("day", Origin - Duration.FromMinutes(30), Origin + Duration.FromMinutes(8 * 60 + 15),
        [new SessionScenario(Origin, Origin + Duration.FromHours(8), 340)], 340, 23, 15, 24);

    private static readonly ScalerSpec Spec = new(
        [
            new ScalerPhase(Day.WarmFrom, Origin + Duration.FromHours(1), ScalerPhaseKind.Arrival, 345, Day.WarmFrom, Origin, 170),
            new ScalerPhase(Origin + Duration.FromHours(1), Day.CoolAt, ScalerPhaseKind.Release, 345, Day.WarmFrom, Origin, 170),
        ], 30, 15, 14, ArrivalStall.Default, CapacityBackend.Placeholders, AttendeeRule.AllServers, 15);

    [Params(100)]
    public int Windows { get; set; }

    [Params(0.0, 0.3)]
    public double NoShow { get; set; }

    private double Run(Strategy strategy)
    {
        double nodeHours = 0;
        for (var i = 0; i < Windows; i++)
        {
            var policy = new SimulationPolicy(CapacityBackend.Placeholders, false, ClusterTimings.DefaultPullMinutes, NoShow, i);
            nodeHours += WindowSimulator.Run(Day, strategy, Spec, policy, ClusterTimings.Default, ArrivalCurve.Default, new Random(i)).NodeHours;
        }
        return nodeHours;
    }

    [Benchmark]
    public double NoPrewarm() => Run(Strategy.NoPrewarm);

    [Benchmark]
    public double Plan() => Run(Strategy.Plan);
}
