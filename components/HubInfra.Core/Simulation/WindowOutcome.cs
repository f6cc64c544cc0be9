namespace HubInfra.Core.Simulation;

/// <summary>
/// What one simulated window gave: each person's wait (seconds from opening a server to its running), the most nodes
/// at once, node-hours (from each node's request to its removal) and the lower bound: the nodes the people who came
/// needed, for each session plus the time a node needs to become usable.
/// </summary>
public sealed record WindowOutcome(
    string Source,
    Strategy Strategy,
    int People,
    IReadOnlyList<double> Waits,
    int PeakNodes,
    int PlannedNodes,
    double NodeHours,
    double LowerBoundNodeHours,
    int Unserved)
{
    /// <summary>Minutes from the window's start at which <see cref="Timeline"/> begins (negative: before the start).</summary>
    public double StartMinute { get; init; }

    /// <summary>The window minute by minute.</summary>
    public IReadOnlyList<TimelinePoint> Timeline { get; init; } = [];

    /// <summary>The nodes the people who came need at once (the lower bound's height).</summary>
    public int LowerBoundNodes { get; init; }

    /// <summary>Arrivals that preempted a placeholder (the rest found a free seat or waited for a node).</summary>
    public int Preemptions { get; init; }
}
