namespace HubInfra.Core.Simulation;

/// <summary>
/// One strategy over every window of an event: waits (p50, p95, max, seconds), the most nodes at once and its ratio to
/// the planned nodes of that window, node-hours and their ratio to the lower bound, cost, and people never served.
/// </summary>
public sealed record StrategySummary(
    Strategy Strategy,
    int People,
    double WaitP50Seconds,
    double WaitP95Seconds,
    double WaitMaxSeconds,
    int PeakNodes,
    double PeakToPlanned,
    double NodeHours,
    double LowerBoundNodeHours,
    double NodeHoursToLowerBound,
    double Cost,
    int Unserved)
{
    /// <summary>Arrivals that preempted a placeholder.</summary>
    public int Preemptions { get; init; }

    public static StrategySummary Of(Strategy strategy, IReadOnlyList<WindowOutcome> windows, double hourlyPrice)
    {
        var waits = windows.SelectMany(w => w.Waits).Order().ToArray();
        var nodeHours = windows.Sum(w => w.NodeHours);
        var lower = windows.Sum(w => w.LowerBoundNodeHours);
        return new StrategySummary(
            strategy,
            windows.Sum(w => w.People),
            Math.Round(Percentile(waits, 0.50), 1),
            Math.Round(Percentile(waits, 0.95), 1),
            Math.Round(waits.Length == 0 ? 0 : waits[^1], 1),
            windows.Count == 0 ? 0 : windows.Max(w => w.PeakNodes),
            windows.Count == 0 ? 0 : Math.Round(windows.Max(w => w.PlannedNodes == 0 ? 0 : (double)w.PeakNodes / w.PlannedNodes), 3),
            Math.Round(nodeHours, 2),
            Math.Round(lower, 2),
            lower == 0 ? 0 : Math.Round(nodeHours / lower, 3),
            Math.Round(nodeHours * hourlyPrice, 2),
            windows.Sum(w => w.Unserved))
        {
            Preemptions = windows.Sum(w => w.Preemptions),
        };
    }

    /// <summary>Nearest-rank percentile of sorted values (0 for none).</summary>
    public static double Percentile(double[] sorted, double p)
    {
        if (sorted.Length == 0) return 0;
        var rank = (int)Math.Ceiling(p * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
