using HubInfra.Core.Planning;
using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>A period in which GKE must not upgrade the cluster.</summary>
public sealed record MaintenanceExclusion(string Name, Instant Start, Instant End);

/// <summary>The exclusions an event needs, and what was merged to get there.</summary>
public sealed record MaintenanceExclusionPlan(IReadOnlyList<MaintenanceExclusion> Exclusions, IReadOnlyList<string> Notes);

/// <summary>
/// GKE maintenance exclusions for warm windows. GKE limits a cluster to 20 exclusions and a "no upgrades" exclusion
/// to 30 days (https://cloud.google.com/kubernetes-engine/docs/concepts/maintenance-windows-and-exclusions), so
/// close windows are merged, long ones split, and, over the cap, the closest pairs merged.
/// </summary>
public static class MaintenanceExclusions
{
    public const int GkeMaxExclusions = 20;

    public static readonly Duration MaxNoUpgradeLength = Duration.FromDays(30);

    public static MaintenanceExclusionPlan Plan(string namePrefix, IReadOnlyList<WarmWindow> warm, Duration mergeGap)
    {
        var notes = new List<string>();
        var spans = new List<(Instant Start, Instant End)>();
        foreach (var w in warm.OrderBy(w => w.WarmFrom))
        {
            if (spans.Count > 0 && w.WarmFrom - spans[^1].End <= mergeGap && w.CoolAt - spans[^1].Start <= MaxNoUpgradeLength)
                spans[^1] = (spans[^1].Start, Instant.Max(spans[^1].End, w.CoolAt));
            else
                spans.Add((w.WarmFrom, w.CoolAt));
        }

        var split = new List<(Instant Start, Instant End)>();
        foreach (var (start, end) in spans)
        {
            var s = start;
            while (end - s > MaxNoUpgradeLength)
            {
                split.Add((s, s + MaxNoUpgradeLength));
                s += MaxNoUpgradeLength;
            }
            split.Add((s, end));
        }
        if (split.Count > spans.Count)
            notes.Add($"{split.Count - spans.Count} exclusion(s) split: GKE allows at most {MaxNoUpgradeLength.Days} days of no upgrades in one exclusion");

        var merges = 0;
        while (split.Count > GkeMaxExclusions)
        {
            var best = -1;
            for (var i = 0; i + 1 < split.Count; i++)
            {
                if (split[i + 1].End - split[i].Start > MaxNoUpgradeLength) continue;
                if (best < 0 || split[i + 1].Start - split[i].End < split[best + 1].Start - split[best].End) best = i;
            }
            if (best < 0) break;
            split[best] = (split[best].Start, split[best + 1].End);
            split.RemoveAt(best + 1);
            merges++;
        }
        if (merges > 0)
            notes.Add($"{merges} pair(s) of exclusions merged to stay within GKE's cap of {GkeMaxExclusions} exclusions per cluster");
        if (split.Count > GkeMaxExclusions)
            notes.Add($"{split.Count} exclusions are still over GKE's cap of {GkeMaxExclusions}: split the event into several stacks or shorten it");

        var exclusions = split.Select((s, i) => new MaintenanceExclusion(Naming.Label($"{namePrefix}-{i + 1}", 63), s.Start, s.End)).ToList();
        return new MaintenanceExclusionPlan(exclusions, notes);
    }

    /// <summary>True when the union of <paramref name="existing"/> covers the whole warm window.</summary>
    public static bool Covers(IReadOnlyList<(Instant Start, Instant End)> existing, WarmWindow w)
    {
        var cursor = w.WarmFrom;
        foreach (var (start, end) in existing.OrderBy(e => e.Start))
        {
            if (start > cursor) break;
            if (end > cursor) cursor = end;
            if (cursor >= w.CoolAt) return true;
        }
        return cursor >= w.CoolAt;
    }
}
