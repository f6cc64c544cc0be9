using NodaTime;

namespace HubInfra.Core.Scaling;

/// <summary>
/// How long before a window's start its warm capacity begins (<c>preWarmMinutes</c> when the stack does not set it):
/// the first attendees must find seats that are usable. That is how early people come (the arrival curve's earliest
/// band: 20 minutes before the start), plus the time a node needs to become usable from nothing (the autoscaler's
/// scan and decision, the boot, and the image pull unless the pool has the images preloaded; see
/// <see cref="ClusterTimings.UsableSeconds"/>), plus <see cref="MarginMinutes"/>, rounded up to a whole minute.
/// With the defaults: 20 + 7.3 + 2 = 30 minutes, or 25 with preloaded images.
/// </summary>
public static class LeadTime
{
    /// <summary>Kept on top of the worst case of each step, for the autoscaler's own work on a busy cluster.</summary>
    public const int MarginMinutes = 2;

    public static Duration Derive(bool preloaded, ClusterTimings? timings = null, ArrivalCurve? curve = null)
    {
        timings ??= ClusterTimings.Default;
        curve ??= ArrivalCurve.Default;
        var early = Math.Max(0, -curve.Bands.Min(b => b.FromSeconds));
        var seconds = early + timings.UsableSeconds(preloaded) + MarginMinutes * 60;
        return Duration.FromMinutes(Math.Ceiling(seconds / 60));
    }
}
