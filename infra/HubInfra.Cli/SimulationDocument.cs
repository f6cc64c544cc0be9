using HubInfra.Core.Planning;
using HubInfra.Core.Planning.Document;
using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;

namespace HubInfra.Cli;

/// <summary>
/// <c>simulate --format json</c>: the settings the run used (the plan's policy in the plan document's own records)
/// and both strategies' figures. Serialized like the plan document (<see cref="PlanDocument.Json{T}"/>).
/// </summary>
public sealed record SimulationDocument(
    string Stack,
    int Windows,
    int PlannedPeakNodes,
    string Currency,
    SimulationPolicyDocument Policy,
    StrategiesDocument Strategies)
{
    public static SimulationDocument From(EventSimulation sim)
    {
        var p = sim.Policy;
        var spec = sim.Spec;
        return new SimulationDocument(sim.Stack, sim.Windows, sim.PlannedPeakNodes, sim.Currency,
            new SimulationPolicyDocument(p.Backend.Name(), PlanDocument.Placement(p.Backend), new TrackingDocument(spec.IntervalSeconds),
                PlanDocument.Release(spec, sim.ArrivalMinutes),
                p.Preloaded, p.PullMinutes, p.NoShowFraction, p.Seed),
            new StrategiesDocument(Strategy(sim.NoPrewarm), Strategy(sim.Plan)));
    }

    private static StrategyDocument Strategy(StrategySummary s) => new(
        s.People, new WaitDocument(s.WaitP50Seconds, s.WaitP95Seconds, s.WaitMaxSeconds), s.PeakNodes, s.PeakToPlanned,
        s.NodeHours, s.LowerBoundNodeHours, s.NodeHoursToLowerBound, PlanDocument.Money(s.Cost), s.Preemptions, s.Unserved);
}

/// <summary>The policy simulated: how seats are held and placed, the plan's tracking and release, the image pull, no-shows and seed.</summary>
public sealed record SimulationPolicyDocument(
    string Backend,
    string Placement,
    TrackingDocument Tracking,
    ReleasePolicyDocument Release,
    bool Preloaded,
    double PullMinutes,
    double NoShow,
    int Seed);


/// <summary>The two strategies side by side.</summary>
public sealed record StrategiesDocument(StrategyDocument NoPrewarm, StrategyDocument Plan);

/// <summary>One strategy over every window: person-windows, waits, peak nodes, node-hours against the lower bound, cost, people never served.</summary>
public sealed record StrategyDocument(
    int PersonWindows,
    WaitDocument WaitSeconds,
    int PeakNodes,
    double PeakToPlanned,
    double NodeHours,
    double LowerBoundNodeHours,
    double NodeHoursToLowerBound,
    decimal Cost,
    int Preemptions,
    int Unserved);

/// <summary>Waits in seconds: median, 95th percentile, longest.</summary>
public sealed record WaitDocument(double P50, double P95, double Max);
