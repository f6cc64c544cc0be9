using HubInfra.Core.Model;
using System.Globalization;
using System.Text;
using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// The GKE maintenance exclusions that keep the cluster from being upgraded while an event is warm, within the rules
/// GKE enforces (<see cref="GkeMaintenanceRules"/>, which cites them).
/// </summary>
/// <remarks>
/// A short event gets <c>NO_UPGRADES</c> exclusions: warm windows close to each other share one (an upgrade started in
/// a short gap could still be running when the next window opens), and while there are more than GKE's three, the
/// closest pair is merged as long as the result lasts at most 30 days. When that is not enough — a warm stretch of more
/// than 30 days, more than three exclusions, or less than 48 hours of maintenance availability in 32 days (a course of
/// many weeks) — the event gets <c>NO_MINOR_OR_NODE_UPGRADES</c> exclusions instead (at most 180 days each), which keep
/// the nodes and so the user servers; GKE may still patch the control plane. The plan's notes say which and why.
/// </remarks>
public static class MaintenanceExclusions
{
    /// <summary>GKE's limit on maintenance exclusions per cluster.</summary>
    public const int GkeMaxExclusions = GkeMaintenanceRules.MaxExclusions;

    /// <summary>GKE's limit on the length of one "no upgrades" exclusion.</summary>
    public static readonly Duration MaxNoUpgradeLength = GkeMaintenanceRules.MaxNoUpgradesLength;

    private const int MaxNameLength = 63;

    /// <summary>
    /// Exclusions covering every warm window: windows whose gap is at most <paramref name="mergeGap"/> (callers
    /// usually pass 48 h) share one. Named <c>{prefix}-1</c>, <c>{prefix}-2</c>, … (lowercase, at most 63 characters).
    /// </summary>
    /// <param name="window">The cluster's maintenance window (GKE's availability rule counts its openings).</param>
    public static MaintenanceExclusionPlan Plan(string namePrefix, IReadOnlyList<WarmWindow> warm, Duration mergeGap, GkeRecurringWindow? window = null)
    {
        var notes = new List<string>();
        var gapLimit = Duration.Max(mergeGap, Duration.Zero); // overlapping and touching windows always share one
        var prefix = LabelPrefix(namePrefix);

        var spans = new List<(Instant Start, Instant End)>();
        foreach (var w in warm.OrderBy(w => w.WarmFrom).ThenBy(w => w.CoolAt))
        {
            if (spans.Count > 0 && w.WarmFrom - spans[^1].End <= gapLimit)
                spans[^1] = (spans[^1].Start, Instant.Max(spans[^1].End, w.CoolAt));
            else
                spans.Add((w.WarmFrom, w.CoolAt));
        }
        if (spans.Count == 0)
            return new MaintenanceExclusionPlan([], notes);

        var why = new List<string>();
        if (spans.Any(s => s.End - s.Start > MaxNoUpgradeLength))
        {
            why.Add($"a warm stretch lasts more than {MaxNoUpgradeLength.Days} days, GKE's limit for NO_UPGRADES");
        }
        else
        {
            var pieces = new List<(Instant Start, Instant End)>(spans);
            var merges = 0;
            var widestGapClosed = Duration.Zero;
            while (pieces.Count > GkeMaintenanceRules.MaxNoUpgradesExclusions)
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
            if (pieces.Count > GkeMaintenanceRules.MaxNoUpgradesExclusions)
                why.Add($"it would need {pieces.Count} NO_UPGRADES exclusions and GKE allows {GkeMaintenanceRules.MaxNoUpgradesExclusions} per cluster");
            else if (!GkeMaintenanceRules.LeavesEnoughAvailability(pieces, window))
                why.Add($"NO_UPGRADES exclusions would leave GKE less than {GkeMaintenanceRules.MinAvailability.TotalHours} hours of maintenance availability in {GkeMaintenanceRules.RollingPeriod.Days} days");
            else
            {
                if (merges > 0)
                    notes.Add($"{Plural.Of(merges, "pair")} of exclusions merged across their shortest gaps (up to {Describe(widestGapClosed)}) " +
                              $"to stay within GKE's {GkeMaintenanceRules.MaxNoUpgradesExclusions} NO_UPGRADES exclusions per cluster; GKE will not upgrade the cluster in those gaps either");
                return new MaintenanceExclusionPlan(Named(prefix, pieces, ExclusionScope.NoUpgrades), notes);
            }
        }

        // A long course: NO_MINOR_OR_NODE_UPGRADES, up to 180 days each (from its creation).
        var limit = GkeMaintenanceRules.MaxMinorScopeAhead;
        var groups = new List<(Instant Start, Instant End)>();
        foreach (var (start, end) in spans)
        {
            if (groups.Count > 0 && end - groups[^1].Start <= limit)
            {
                groups[^1] = (groups[^1].Start, end);
                continue;
            }
            var s = start;
            while (end - s > limit)
            {
                groups.Add((s, s + limit));
                s += limit;
            }
            groups.Add((s, end));
        }
        var exclusions = Named(prefix, groups, ExclusionScope.NoMinorOrNodeUpgrades);
        notes.Add($"{string.Join("; ", why)}: planned {Plural.Of(exclusions.Count, "NO_MINOR_OR_NODE_UPGRADES exclusion")} instead (GKE allows up to {limit.Days} days): " +
                  "nodes are not upgraded, so user servers keep running, and the minor version stays; GKE may still patch the control plane " +
                  "(on a zonal cluster the Kubernetes API is briefly unavailable then)");
        if (exclusions.Count > GkeMaxExclusions)
            notes.Add($"{exclusions.Count} exclusions are over GKE's cap of {GkeMaxExclusions} per cluster: split the event into several stacks or shorten it");
        return new MaintenanceExclusionPlan(exclusions, notes);
    }

    /// <summary>
    /// The planned exclusions as they may join a cluster's <paramref name="existing"/> ones: unchanged when GKE accepts
    /// the combined list; else the "no upgrades" ones become <c>NO_MINOR_OR_NODE_UPGRADES</c> (which keep the nodes and
    /// count against no per-scope cap or availability rule), with a note saying why.
    /// </summary>
    /// <param name="inReleaseChannel">False for a cluster in no release channel, where GKE allows only NO_UPGRADES: then a note says to choose one.</param>
    /// <param name="window">The cluster's maintenance window.</param>
    public static MaintenanceExclusionPlan FitWith(IReadOnlyList<MaintenanceExclusion> existing, MaintenanceExclusionPlan planned, Instant now, bool inReleaseChannel = true,
        GkeRecurringWindow? window = null)
    {
        if (!inReleaseChannel)
            return planned.Exclusions.Any(e => e.Scope != ExclusionScope.NoUpgrades)
                ? planned with { Notes = [.. planned.Notes, "the cluster is in no release channel, where GKE allows only NO_UPGRADES exclusions: set hubinfra:cluster.releaseChannel (e.g. REGULAR) first"] }
                : planned;
        var before = GkeMaintenanceRules.Check(existing, now, window: window).Where(b => !b.IsWarning).Select(b => b.Message).ToHashSet(StringComparer.Ordinal);
        var breaches = GkeMaintenanceRules.Check(existing.Concat(planned.Exclusions).ToList(), now, window: window)
            .Where(b => !b.IsWarning && !before.Contains(b.Message)).ToList();
        if (breaches.Count == 0 || planned.Exclusions.All(e => e.Scope != ExclusionScope.NoUpgrades))
            return planned;
        var converted = planned.Exclusions
            .Select(e => e.Scope == ExclusionScope.NoUpgrades ? e with { Scope = ExclusionScope.NoMinorOrNodeUpgrades } : e)
            .ToList();
        var notes = planned.Notes.ToList();
        notes.Add($"with the cluster's {Plural.Of(existing.Count, "current exclusion")}, NO_UPGRADES would break GKE's rules ({breaches[0].Message}); " +
                  "these use NO_MINOR_OR_NODE_UPGRADES instead, which keeps the nodes (GKE may still patch the control plane)");
        return new MaintenanceExclusionPlan(converted, notes);
    }

    /// <summary>
    /// When the <paramref name="planned"/> exclusions the cluster lacks can be added, for those that cannot be added on
    /// <paramref name="now"/>: GKE refuses a minor-scope exclusion that ends more than 180 days after it is created, so
    /// each is given the first whole UTC day from which it is accepted (never a past date: those that can be added now
    /// need no date). Exclusions <paramref name="existing"/> already covers are left out. Null when nothing has to wait.
    /// </summary>
    public static string? WhenToAdd(IReadOnlyList<MaintenanceExclusion> planned, IReadOnlyList<MaintenanceExclusion> existing, Instant now)
    {
        var limit = GkeMaintenanceRules.MaxMinorScopeAhead;
        var waiting = planned
            .Where(e => e.Scope != ExclusionScope.NoUpgrades && e.End - now > limit && !IsPresent(e, existing))
            .Select(e => $"{e.Name} on or after {FirstDayAccepted(e.End - limit):yyyy-MM-dd}")
            .ToList();
        return waiting.Count == 0
            ? null
            : $"GKE accepts a NO_MINOR_OR_NODE_UPGRADES exclusion only if it ends at most {limit.Days} days after it is created: add {string.Join(", ", waiting)} (UTC)";
    }

    /// <summary>The first UTC midnight at or after <paramref name="earliest"/>: adding it any time that day is early enough.</summary>
    private static LocalDate FirstDayAccepted(Instant earliest)
    {
        var utc = earliest.InUtc();
        return utc.TimeOfDay == LocalTime.Midnight ? utc.Date : utc.Date.PlusDays(1);
    }

    /// <summary>True when the cluster's exclusions that keep the nodes already cover <paramref name="e"/>'s whole span.</summary>
    public static bool IsPresent(MaintenanceExclusion e, IReadOnlyList<MaintenanceExclusion> existing) =>
        Covers(existing.Where(x => x.Scope.KeepsNodes()).Select(x => (x.Start, x.End)).ToList(), e.Start, e.End);

    private static List<MaintenanceExclusion> Named(string prefix, List<(Instant Start, Instant End)> pieces, ExclusionScope scope) =>
        pieces.Select((p, i) => new MaintenanceExclusion(Name(prefix, i + 1), p.Start, p.End, scope)).ToList();

    /// <summary>True when the union of <paramref name="existing"/> covers the whole warm window [WarmFrom, CoolAt].</summary>
    public static bool Covers(IReadOnlyList<(Instant Start, Instant End)> existing, WarmWindow w) => Covers(existing, w.WarmFrom, w.CoolAt);

    /// <summary>True when the union of <paramref name="existing"/> covers [<paramref name="from"/>, <paramref name="until"/>].</summary>
    public static bool Covers(IReadOnlyList<(Instant Start, Instant End)> existing, Instant from, Instant until)
    {
        var cursor = from;
        foreach (var (start, end) in existing.OrderBy(e => e.Start))
        {
            if (cursor >= until) break;
            if (start > cursor) return false;
            if (end > cursor) cursor = end;
        }
        return cursor >= until;
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
