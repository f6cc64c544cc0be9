using NodaTime;

namespace HubInfra.Core.Simulation;

/// <summary>One session of a warm window: its start and end and the seats planned for it.</summary>
public sealed record SessionScenario(Instant Start, Instant End, int Seats);

/// <summary>
/// One warm window as the simulator sees it: when warm-up begins and the warm capacity goes, the sessions it covers
/// (two sessions merged into one warm window each have their own arrivals), the planned seats and nodes, and the
/// pool's shape.
/// </summary>
public sealed record WindowScenario(
    string Source,
    Instant WarmFrom,
    Instant CoolAt,
    IReadOnlyList<SessionScenario> Sessions,
    int PlannedSeats,
    int PlannedNodes,
    int SeatsPerNode,
    int MaxNodes)
{
    /// <summary>Time zero of the window: the first session's start.</summary>
    public Instant Origin => Sessions[0].Start;
}
