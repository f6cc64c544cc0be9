namespace HubInfra.Core.Simulation;

/// <summary>
/// One window as the simulator sees it, in seconds from the window's start: when warm-up begins (negative), when the
/// window ends, when the warm capacity goes (end + grace), the planned seats and nodes, and the pool's shape.
/// </summary>
public sealed record WindowScenario(
    string Source,
    double WarmFromSeconds,
    double EndSeconds,
    double CoolAtSeconds,
    int PlannedSeats,
    int PlannedNodes,
    int SeatsPerNode,
    int MaxNodes)
{
    /// <summary>
    /// The placeholders' target in the arrival phase (the plan's <c>WarmSeats</c>: every seat of the planned nodes);
    /// when left at 0, the planned seats.
    /// </summary>
    public int WarmSeats { get; init; }

    public int ArrivalTarget => WarmSeats > 0 ? WarmSeats : PlannedSeats;
}
