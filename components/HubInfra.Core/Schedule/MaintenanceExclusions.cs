using System.Globalization;
using System.Text;
using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// GKE "no upgrades" maintenance exclusions that keep the cluster from being upgraded while an event is warm.
/// </summary>
/// <remarks>
/// GKE allows at most 20 maintenance exclusions per cluster, and an exclusion with the "no upgrades" scope may last at
/// most 30 days (https://cloud.google.com/kubernetes-engine/docs/concepts/maintenance-windows-and-exclusions). So
/// warm windows close to each other are merged (an upgrade started in a short gap could still be running when the
/// next window opens), exclusions longer than 30 days are split, and over the cap the closest pairs are merged.
/// </remarks>
public static class MaintenanceExclusions
{
    /// <summary>GKE's limit on maintenance exclusions per cluster (maintenance-windows-and-exclusions, "Limitations").</summary>
    public const int GkeMaxExclusions = 20;

    /// <summary>GKE's limit on the length of one "no upgrades" exclusion.</summary>
    public static readonly Duration MaxNoUpgradeLength = Duration.FromDays(30);

    private const int MaxNameLength = 63;

    /// <summary>
    /// Exclusions covering every warm window: windows whose gap is at most <paramref name="mergeGap"/> (callers
    /// usually pass 48 h) share one exclusion; an exclusion longer than 30 days is split into consecutive pieces of at
    /// most 30 days; while there are more than 20, the pair with the smallest gap is merged, unless the result would
    /// be longer than 30 days. Named <c>{prefix}-1</c>, <c>{prefix}-2</c>, … (lowercase, at most 63 characters).
    /// </summary>
    public static MaintenanceExclusionPlan Plan(string namePrefix, IReadOnlyList<WarmWindow> warm, Duration mergeGap)
    {
        var notes = new List<string>();
        var gapLimit = Duration.Max(mergeGap, Duration.Zero); // overlapping and touching windows always share one

        var spans = new List<(Instant Start, Instant End)>();
        foreach (var w in warm.OrderBy(w => w.WarmFrom).ThenBy(w => w.CoolAt))
        {
            if (spans.Count > 0 && w.WarmFrom - spans[^1].End <= gapLimit)
                spans[^1] = (spans[^1].Start, Instant.Max(spans[^1].End, w.CoolAt));
            else
                spans.Add((w.WarmFrom, w.CoolAt));
        }

        var pieces = new List<(Instant Start, Instant End)>();
        var splitCount = 0;
        foreach (var (start, end) in spans)
        {
            var s = start;
            if (end - s > MaxNoUpgradeLength) splitCount++;
            while (end - s > MaxNoUpgradeLength)
            {
                pieces.Add((s, s + MaxNoUpgradeLength));
                s += MaxNoUpgradeLength;
            }
            pieces.Add((s, end));
        }
        if (splitCount > 0)
            notes.Add($"{splitCount} exclusion(s) longer than {MaxNoUpgradeLength.Days} days split into {MaxNoUpgradeLength.Days}-day pieces: " +
                      $"GKE allows at most {MaxNoUpgradeLength.Days} days in one \"no upgrades\" exclusion");

        var merges = 0;
        var widestGapClosed = Duration.Zero;
        while (pieces.Count > GkeMaxExclusions)
        {
            var best = -1;
            for (var i = 0; i + 1 < pieces.Count; i++)
            {
                if (pieces[i + 1].End - pieces[i].Start > MaxNoUpgradeLength) continue;
                if (best < 0 || Gap(pieces, i) < Gap(pieces, best)) best = i;
            }
            if (best < 0) break;
            widestGapClosed = Duration.Max(widestGapClosed, Gap(pieces, best));
            pieces[best] = (pieces[best].Start, pieces[best + 1].End);
            pieces.RemoveAt(best + 1);
            merges++;
        }
        if (merges > 0)
            notes.Add($"{merges} pair(s) of exclusions merged across their shortest gaps (up to {Describe(widestGapClosed)}) " +
                      $"to stay within GKE's cap of {GkeMaxExclusions} exclusions per cluster; GKE will not upgrade the cluster in those gaps either");
        if (pieces.Count > GkeMaxExclusions)
            notes.Add($"{pieces.Count} exclusions are still over GKE's cap of {GkeMaxExclusions} per cluster (no two more can be merged " +
                      $"without exceeding {MaxNoUpgradeLength.Days} days): split the event into several stacks or shorten it");

        var prefix = LabelPrefix(namePrefix);
        var exclusions = pieces
            .Select((p, i) => new MaintenanceExclusion(Name(prefix, i + 1), p.Start, p.End))
            .ToList();
        return new MaintenanceExclusionPlan(exclusions, notes);
    }

    /// <summary>True when the union of <paramref name="existing"/> covers the whole warm window [WarmFrom, CoolAt].</summary>
    public static bool Covers(IReadOnlyList<(Instant Start, Instant End)> existing, WarmWindow w)
    {
        var cursor = w.WarmFrom;
        foreach (var (start, end) in existing.OrderBy(e => e.Start))
        {
            if (cursor >= w.CoolAt) break;
            if (start > cursor) return false;
            if (end > cursor) cursor = end;
        }
        return cursor >= w.CoolAt;
    }

    private static Duration Gap(List<(Instant Start, Instant End)> pieces, int i) => pieces[i + 1].Start - pieces[i].End;

    private static string Describe(Duration d) =>
        d.Days > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{d.Days}d {d.Hours}h")
            : string.Create(CultureInfo.InvariantCulture, $"{d.Hours}h {d.Minutes}m");

    private static string Name(string prefix, int n)
    {
        var suffix = "-" + n.ToString(CultureInfo.InvariantCulture);
        var head = prefix.Length + suffix.Length > MaxNameLength ? prefix[..(MaxNameLength - suffix.Length)].TrimEnd('-') : prefix;
        return head + suffix;
    }

    /// <summary>Lowercase letters, digits and single '-', starting with a letter; "exclusion" when nothing usable is left.</summary>
    private static string LabelPrefix(string text)
    {
        var sb = new StringBuilder();
        foreach (var ch in (text ?? "").ToLowerInvariant())
        {
            var c = ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch : '-';
            if (c == '-' && (sb.Length == 0 || sb[^1] == '-')) continue;
            sb.Append(c);
        }
        var s = sb.ToString().TrimEnd('-');
        if (s.Length == 0) return "exclusion";
        return char.IsAsciiLetterLower(s[0]) ? s : "x-" + s;
    }
}
