using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Schedule;

/// <summary>
/// GKE's rules for maintenance exclusions, checked offline before anything is deployed.
/// </summary>
/// <remarks>
/// Source: GKE, "Maintenance windows and exclusions", section "Limitations" of maintenance exclusions
/// (https://cloud.google.com/kubernetes-engine/docs/concepts/maintenance-windows-and-exclusions), and "Configure
/// maintenance windows and exclusions" (https://cloud.google.com/kubernetes-engine/docs/how-to/maintenance-windows-and-exclusions):
/// <list type="bullet">
/// <item>"You can add a maximum of three maintenance exclusions that exclude all upgrades (that is, a scope of "no
/// upgrades"). These exclusions must be configured to allow for at least 48 hours of maintenance availability in a
/// 32-day rolling window." — and for maintenance windows: "Only contiguous availability windows of at least four hours
/// are considered."</item>
/// <item>"You can have a maximum of 20 maintenance exclusions in total."</item>
/// <item>Length by scope: "No upgrades: Cannot exceed 30 days." "No minor upgrades" and "No minor or node upgrades":
/// "Cannot end more than 180 days after the exclusion creation date, or extend past the end of life date of the minor
/// version." (The end of life of the minor version the cluster will run is not known offline.)</item>
/// <item>"You can restrict the scope of automatic upgrades in a maintenance exclusion only for clusters that are
/// enrolled in a release channel."</item>
/// <item>Exclusions are keyed by name in the API (<c>MaintenanceWindow.maintenanceExclusions</c> is a map from name to
/// time window, https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/projects.locations.clusters#maintenancewindow),
/// so names must be unique.</item>
/// </list>
/// Maintenance availability is the time in which the cluster's maintenance window is open and no "no upgrades"
/// exclusion is active. HubInfra gives every cluster a recurring window (<see cref="GkeRecurringWindow"/>, by default
/// four hours a night in the region's local time); an opening counts when it is wholly free and at least four hours
/// long. The fewest hours any 32-day span holds are found in the spans that start just after an opening (a span
/// loses an opening only when its start passes one), so those are the spans checked.
/// </remarks>
public static class GkeMaintenanceRules
{
    public const string ConceptDoc = "https://cloud.google.com/kubernetes-engine/docs/concepts/maintenance-windows-and-exclusions";

    /// <summary>"A maximum of 20 maintenance exclusions in total."</summary>
    public const int MaxExclusions = 20;

    /// <summary>"A maximum of three maintenance exclusions that exclude all upgrades."</summary>
    public const int MaxNoUpgradesExclusions = 3;

    /// <summary>"No upgrades: Cannot exceed 30 days."</summary>
    public static readonly Duration MaxNoUpgradesLength = Duration.FromDays(30);

    /// <summary>Minor scopes: "Cannot end more than 180 days after the exclusion creation date."</summary>
    public static readonly Duration MaxMinorScopeAhead = Duration.FromDays(180);

    /// <summary>"At least 48 hours of maintenance availability in a 32-day rolling window."</summary>
    public static readonly Duration RollingPeriod = Duration.FromDays(32);

    public static readonly Duration MinAvailability = Duration.FromHours(48);

    /// <summary>"Only contiguous availability windows of at least four hours are considered."</summary>
    public static readonly Duration MinStretch = Duration.FromHours(4);

    /// <summary>The window assumed when none is given: daily, four hours from 03:00 UTC.</summary>
    public static readonly GkeRecurringWindow DefaultWindow = GkeRecurringWindow.Daily(new LocalTime(3, 0), Duration.FromHours(4));

    /// <summary>A broken rule: which exclusion (index in the list) and what to do about it.</summary>
    public sealed record Breach(int Index, string Message, bool IsWarning = false);

    /// <summary>
    /// Every rule an exclusion list breaks. With <paramref name="now"/>, exclusions that have ended are warnings
    /// (remove them) and take part in no other check, and minor-scope exclusions are checked against "180 days after
    /// creation", creation being the next deployment (now).
    /// </summary>
    /// <param name="inReleaseChannel">False for a cluster in no release channel (<c>UNSPECIFIED</c>): only NO_UPGRADES is allowed.</param>
    /// <param name="window">The cluster's maintenance window (<see cref="DefaultWindow"/> when null).</param>
    public static IReadOnlyList<Breach> Check(IReadOnlyList<MaintenanceExclusion> exclusions, Instant? now, bool inReleaseChannel = true, GkeRecurringWindow? window = null)
    {
        var win = window ?? DefaultWindow;
        var breaches = new List<Breach>();
        var live = new List<int>();
        for (var i = 0; i < exclusions.Count; i++)
        {
            var e = exclusions[i];
            if (now is { } past && e.End <= past)
            {
                breaches.Add(new Breach(i, $"'{e.Name}' ended at {Utc(e.End)}; remove it (it protects nothing any more)", IsWarning: true));
                continue;
            }
            live.Add(i);
            if (!inReleaseChannel && e.Scope != ExclusionScope.NoUpgrades)
                breaches.Add(new Breach(i,
                    $"'{e.Name}' has scope {e.Scope.GkeName()}, but GKE allows scopes other than NO_UPGRADES only on clusters in a release channel ({ConceptDoc}); " +
                    "set hubinfra:cluster.releaseChannel to REGULAR, STABLE or RAPID, or use NO_UPGRADES"));
            if (e.Scope == ExclusionScope.NoUpgrades && e.End - e.Start > MaxNoUpgradesLength)
                breaches.Add(new Breach(i,
                    $"'{e.Name}' lasts {Days(e.End - e.Start)} days, but GKE allows a NO_UPGRADES exclusion at most {MaxNoUpgradesLength.Days} days ({ConceptDoc}); " +
                    $"end it by {Utc(e.Start + MaxNoUpgradesLength)}, or use scope: NO_MINOR_OR_NODE_UPGRADES (keeps nodes, up to {MaxMinorScopeAhead.Days} days)"));
            if (e.Scope != ExclusionScope.NoUpgrades && now is { } created && e.End - created > MaxMinorScopeAhead)
                breaches.Add(new Breach(i,
                    $"'{e.Name}' ({e.Scope.GkeName()}) ends {Days(e.End - created)} days from now, but GKE refuses a {e.Scope.GkeName()} exclusion that ends more than " +
                    $"{MaxMinorScopeAhead.Days} days after it is created ({ConceptDoc}); end it by {Utc(created + MaxMinorScopeAhead)} or add it after {Utc(e.End - MaxMinorScopeAhead)}"));
        }

        foreach (var dup in live.GroupBy(i => exclusions[i].Name).Where(g => g.Count() > 1))
            breaches.Add(new Breach(dup.Last(), $"name '{dup.Key}' is used by more than one exclusion; GKE keys exclusions by name: rename one"));

        var noUpgrades = live.Where(i => exclusions[i].Scope == ExclusionScope.NoUpgrades).ToList();
        if (noUpgrades.Count > MaxNoUpgradesExclusions)
            breaches.Add(new Breach(noUpgrades[MaxNoUpgradesExclusions],
                $"{noUpgrades.Count} NO_UPGRADES exclusions, but GKE allows at most {MaxNoUpgradesExclusions} per cluster ({ConceptDoc}); " +
                "merge neighbouring ones, or give the long ones scope: NO_MINOR_OR_NODE_UPGRADES"));
        if (live.Count > MaxExclusions)
            breaches.Add(new Breach(live[MaxExclusions],
                $"{live.Count} exclusions, but GKE allows at most {MaxExclusions} per cluster ({ConceptDoc}); remove past ones or merge neighbours"));

        if (WorstAvailability(noUpgrades.Select(i => (exclusions[i].Start, exclusions[i].End)).ToList(), now, win) is { } worst &&
            worst.Hours < MinAvailability)
        {
            var culprit = noUpgrades.First(i => exclusions[i].End > worst.From && exclusions[i].Start < worst.To);
            breaches.Add(new Breach(culprit,
                $"the NO_UPGRADES exclusions leave {worst.Hours.TotalHours} hours of maintenance availability between {Utc(worst.From)} and {Utc(worst.To)}, " +
                $"but GKE requires at least {MinAvailability.TotalHours} hours in every {RollingPeriod.Days}-day window, counting only stretches of {MinStretch.Hours} hours or more " +
                $"of the maintenance window ({win.UtcText}) ({ConceptDoc}); " +
                "shorten or drop an exclusion, or use scope: NO_MINOR_OR_NODE_UPGRADES, which needs no availability"));
        }
        return breaches;
    }

    /// <summary>True when a list of "no upgrades" exclusions leaves GKE the maintenance availability it requires.</summary>
    public static bool LeavesEnoughAvailability(IReadOnlyList<(Instant Start, Instant End)> noUpgrades, GkeRecurringWindow? window = null) =>
        WorstAvailability(noUpgrades, null, window ?? DefaultWindow) is not { } worst || worst.Hours >= MinAvailability;

    /// <summary>
    /// The fewest hours of availability the window alone gives in any 32-day span (no exclusions): GKE refuses a
    /// window below <see cref="MinAvailability"/>. Openings shorter than <see cref="MinStretch"/> count nothing.
    /// </summary>
    public static Duration WindowAvailability(GkeRecurringWindow window)
    {
        var from = Instant.FromUtc(2026, 1, 1, 0, 0);
        var opens = window.Openings(from, from + RollingPeriod * 3).ToList();
        return Spans(opens, window, _ => true, from + RollingPeriod * 2).Min(s => s.Hours);
    }

    /// <summary>
    /// The 32-day span with the fewest hours of availability, among spans that touch an exclusion (and end after
    /// <paramref name="now"/>); null when there is no exclusion.
    /// </summary>
    public static (Instant From, Instant To, Duration Hours)? WorstAvailability(IReadOnlyList<(Instant Start, Instant End)> noUpgrades, Instant? now, GkeRecurringWindow window)
    {
        if (noUpgrades.Count == 0) return null;
        var first = noUpgrades.Min(e => e.Start) - RollingPeriod - Duration.FromDays(1);
        var last = noUpgrades.Max(e => e.End) + Duration.FromDays(1);
        var opens = window.Openings(first, last + RollingPeriod + Duration.FromDays(1)).ToList();
        (Instant, Instant, Duration)? worst = null;
        foreach (var (from, to, hours) in Spans(opens, window, o => !noUpgrades.Any(e => e.Start < o + window.Length && e.End > o), last))
        {
            if (now is { } n && to <= n) continue;
            if (!noUpgrades.Any(e => e.Start < to && e.End > from)) continue;
            if (worst is null || hours < worst.Value.Item3)
                worst = (from, to, hours);
        }
        return worst;
    }

    /// <summary>
    /// For each opening that starts before <paramref name="until"/>, the span (opening, opening + 32 days] and the hours of
    /// the free openings wholly inside it (a sliding window over the sorted openings: linear in their number).
    /// </summary>
    private static IEnumerable<(Instant From, Instant To, Duration Hours)> Spans(List<Instant> opens, GkeRecurringWindow window, Func<Instant, bool> isFree, Instant until)
    {
        var countable = window.Length >= MinStretch;
        var free = opens.Select(o => countable && isFree(o)).ToArray();
        var prefix = new int[opens.Count + 1];
        for (var i = 0; i < opens.Count; i++) prefix[i + 1] = prefix[i] + (free[i] ? 1 : 0);
        var j = 0;
        for (var i = 0; i < opens.Count && opens[i] < until; i++)
        {
            var to = opens[i] + RollingPeriod;
            if (j < i + 1) j = i + 1;
            while (j < opens.Count && opens[j] + window.Length <= to) j++;
            yield return (opens[i], to, window.Length * (prefix[j] - prefix[i + 1]));
        }
    }

    private static string Utc(Instant i) => InstantPattern.General.Format(i);

    private static string Days(Duration d) => d.TotalDays.ToString("0.#", CultureInfo.InvariantCulture);
}
