using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;

namespace HubInfra.Core.Simulation;

/// <summary>
/// <c>simulate</c>: every warm window of an event's plan, once with no pre-warm and once with the plan's scaler, side by
/// side. Window <c>i</c> uses the seed <c>policy.Seed + i</c> for both strategies, so they face the same arrivals.
/// </summary>
public sealed record EventSimulation(
    string Stack,
    SimulationPolicy Policy,
    ScalerSpec Spec,
    int Windows,
    int PlannedPeakNodes,
    double HourlyPrice,
    string Currency,
    StrategySummary NoPrewarm,
    StrategySummary Plan,
    IReadOnlyList<WindowOutcome> PlanWindows)
{
    /// <summary>The no-pre-warm outcome of each window, beside <see cref="PlanWindows"/>.</summary>
    public IReadOnlyList<WindowOutcome> NoPrewarmWindows { get; init; } = [];

    /// <summary>The arrival phase's latest end after each start (<c>arrivalMinutes</c>).</summary>
    public int ArrivalMinutes { get; init; }

    public static EventSimulation Run(EventPlan plan, SimulationPolicy policy, ClusterTimings? timings = null, ArrivalCurve? curve = null)
    {
        timings ??= ClusterTimings.Default;
        curve ??= ArrivalCurve.Default;
        var scenarios = Scenarios(plan);
        var spec = plan.Scaler with { Backend = policy.Backend };
        var none = new List<WindowOutcome>();
        var warm = new List<WindowOutcome>();
        for (var i = 0; i < scenarios.Count; i++)
        {
            none.Add(WindowSimulator.Run(scenarios[i], Strategy.NoPrewarm, spec, policy, timings, curve, new Random(policy.Seed + i)));
            warm.Add(WindowSimulator.Run(scenarios[i], Strategy.Plan, spec, policy, timings, curve, new Random(policy.Seed + i)));
        }
        var hourly = plan.Pool.HourlyPrice;
        return new EventSimulation(plan.Event.StackName, policy, spec, scenarios.Count, plan.PeakNodes, hourly, plan.Currency,
            StrategySummary.Of(Strategy.NoPrewarm, none, hourly), StrategySummary.Of(Strategy.Plan, warm, hourly), warm)
        {
            NoPrewarmWindows = none,
            ArrivalMinutes = plan.ReleaseAfterMinutes,
        };
    }

    /// <summary>The plan's warm windows in the simulator's terms, each with the sessions it covers.</summary>
    public static IReadOnlyList<WindowScenario> Scenarios(EventPlan plan) =>
        plan.Windows.Select((w, i) =>
        {
            var covers = i < plan.Warm.Count ? plan.Warm[i].Covers : [];
            var sessions = covers.Count > 0
                ? covers.Select(c => new SessionScenario(c.StartInstant, c.EndInstant, EventPlan.Seats(c.Attendees, plan.Event.PeakFraction))).ToList()
                : [new SessionScenario(w.Start.ToInstant(), w.End.ToInstant(), w.Seats)];
            return new WindowScenario(w.Source, w.WarmFrom, w.CoolAt, sessions, w.Seats, w.Nodes, plan.Pool.SeatsPerNode,
                Math.Max(plan.Pool.MaxNodes, w.Nodes));
        }).ToList();
}
