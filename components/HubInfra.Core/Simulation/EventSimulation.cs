using HubInfra.Core.Planning;

namespace HubInfra.Core.Simulation;

/// <summary>
/// <c>simulate</c>: every window of an event's plan, once with no pre-warm and once with the plan, side by side.
/// Window <c>i</c> uses the seed <c>policy.Seed + i</c> for both strategies, so they face the same arrivals.
/// </summary>
public sealed record EventSimulation(
    string Stack,
    SimulationPolicy Policy,
    int Windows,
    int PlannedPeakNodes,
    double HourlyPrice,
    string Currency,
    StrategySummary NoPrewarm,
    StrategySummary Plan,
    IReadOnlyList<WindowOutcome> PlanWindows)
{
    /// <summary>The same windows with no pre-warm (for plots beside <see cref="PlanWindows"/>).</summary>
    public IReadOnlyList<WindowOutcome> NoPrewarmWindows { get; init; } = [];

    public static EventSimulation Run(EventPlan plan, SimulationPolicy policy, ClusterTimings? timings = null, ArrivalCurve? curve = null)
    {
        timings ??= ClusterTimings.Default;
        curve ??= ArrivalCurve.Default;
        var scenarios = Scenarios(plan);
        var none = new List<WindowOutcome>();
        var warm = new List<WindowOutcome>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            none.Add(WindowSimulator.Run(scenarios[i], Strategy.NoPrewarm, policy, timings, curve, new Random(policy.Seed + i)));
            warm.Add(WindowSimulator.Run(scenarios[i], Strategy.Plan, policy, timings, curve, new Random(policy.Seed + i)));
        }
        var hourly = plan.Pool.HourlyPrice;
        return new EventSimulation(plan.Event.StackName, policy, scenarios.Count, plan.PeakNodes, hourly, plan.Currency,
            StrategySummary.Of(Strategy.NoPrewarm, none, hourly), StrategySummary.Of(Strategy.Plan, warm, hourly), warm)
        {
            NoPrewarmWindows = none,
        };
    }

    /// <summary>The plan's windows in the simulator's terms (seconds from each window's start).</summary>
    public static IReadOnlyList<WindowScenario> Scenarios(EventPlan plan) =>
        plan.Windows.Select(w =>
        {
            var start = w.Start.ToInstant();
            return new WindowScenario(w.Source, (w.WarmFrom - start).TotalSeconds, (w.End.ToInstant() - start).TotalSeconds,
                (w.CoolAt - start).TotalSeconds, w.Seats, w.Nodes, plan.Pool.SeatsPerNode, Math.Max(plan.Pool.MaxNodes, w.Nodes))
            {
                WarmSeats = w.WarmSeats,
            };
        }).ToList();
}
