using HubInfra.Core.Binding;
using HubInfra.Core.Model;
using HubInfra.Core.Schedule;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Planning;

/// <summary>
/// The community plan indexes its events: the event stacks whose <c>community</c> names it give the cluster the
/// maintenance exclusions their warm windows need, so nobody copies them into the community's stack file.
/// </summary>
public static class CommunityEvents
{
    /// <summary>
    /// The cluster's exclusions: the stack file's own entries, then, event by event (the longest first, then by name), the exclusions each
    /// event plans (<see cref="EventPlan.Exclusions"/>, named after the event) that have not ended by <paramref name="now"/>
    /// and that the list does not already cover. An event's exclusions join by <see cref="MaintenanceExclusions.FitWith"/>
    /// (NO_UPGRADES becomes NO_MINOR_OR_NODE_UPGRADES when the list would break GKE's rules, with a note); one that still
    /// breaks a rule (<see cref="GkeMaintenanceRules.Check"/>: 20 in total, names, 180 days ahead, ...) is left out and
    /// listed as unfit with the rule, so the cluster never gets a list GKE refuses.
    /// </summary>
    /// <param name="plans">The plans of the event stacks known beside the community (<see cref="Plans"/>; others are ignored).</param>
    public static CommunityExclusions Exclusions(CommunityStack community, IReadOnlyList<EventPlan> plans, Instant now)
    {
        var union = community.Cluster.MaintenanceExclusions
            .Select(e => new ClusterExclusion(e.Name, e.Start, e.End, e.Scope, ClusterExclusion.StackFile)).ToList();
        var notes = new List<string>();
        var unfit = new List<UnfitExclusion>();
        if (community.Kind == StackKind.Local)
            return new CommunityExclusions(union, notes, unfit);
        var inReleaseChannel = community.Cluster.ReleaseChannel != "UNSPECIFIED";
        var window = GkeRecurringWindow.From(community.Cluster.MaintenanceWindow);
        // The longest first, so an event whose windows another event's exclusions already cover adds nothing.
        var ordered = plans.Where(p => p.Event.CommunityStack == community.StackName)
            .OrderByDescending(p => p.Exclusions.Exclusions.Where(e => e.End > now).Sum(e => (e.End - e.Start).TotalSeconds))
            .ThenBy(p => p.Event.StackName, StringComparer.Ordinal);
        foreach (var plan in ordered)
        {
            var ev = plan.Event;
            var current = union.Select(e => e.AsExclusion()).Where(e => e.End > now).ToList();
            var needed = plan.Exclusions.Exclusions.Where(e => e.End > now && !MaintenanceExclusions.IsPresent(e, current)).ToList();
            if (needed.Count == 0) continue;
            var fitted = MaintenanceExclusions.FitWith(current, plan.Exclusions with { Exclusions = needed }, now, inReleaseChannel, window);
            notes.AddRange(fitted.Notes.Select(n => $"event {ev.StackName}: {n}"));
            foreach (var e in fitted.Exclusions)
            {
                // One GKE accepts only later is checked against the other rules without a creation day (every
                // exclusion counted), then waits for that day.
                var when = MaintenanceExclusions.WhenToAdd([e], current, now);
                var breach = NewError(current, e, when is null ? now : null, inReleaseChannel, window);
                if (breach is not null || when is not null)
                {
                    unfit.Add(new UnfitExclusion(ev.StackName, e, breach ?? when!, Waiting: breach is null));
                    continue;
                }
                union.Add(new ClusterExclusion(e.Name, e.Start, e.End, e.Scope, ClusterExclusion.OfEvent(ev.StackName)));
                current.Add(e);
            }
        }
        notes.AddRange(unfit.Select(u => $"event {u.Event} needs {u.Exclusion.Name} ({Utc(u.Exclusion.Start)} to {Utc(u.Exclusion.End)}, " +
                                         $"{u.Exclusion.Scope.GkeName()}), left out: {u.Reason}"));
        return new CommunityExclusions(union, notes, unfit);
    }

    /// <summary>
    /// The plans of the event stacks whose <c>community</c> names this one and that resolve against it
    /// (<see cref="EventResolver"/>), each planned once; an event that does not resolve has no plan (its own
    /// validation says why).
    /// </summary>
    public static IReadOnlyList<EventPlan> Plans(CommunityStack community, IEnumerable<EventSettings> events) =>
        events.Where(e => e.CommunityStack == community.StackName)
            .Select(e => EventResolver.Resolve(e, community).Event).OfType<ResolvedEvent>()
            .Select(EventPlan.From).ToList();

    /// <summary>The first of GKE's rules that <paramref name="e"/> breaks joining <paramref name="current"/> (and they do not break alone).</summary>
    private static string? NewError(List<MaintenanceExclusion> current, MaintenanceExclusion e, Instant? now, bool inReleaseChannel, GkeRecurringWindow window)
    {
        var before = Errors(current, now, inReleaseChannel, window);
        return Errors([.. current, e], now, inReleaseChannel, window).FirstOrDefault(m => !before.Contains(m));
    }

    private static List<string> Errors(IReadOnlyList<MaintenanceExclusion> exclusions, Instant? now, bool inReleaseChannel, GkeRecurringWindow window) =>
        GkeMaintenanceRules.Check(exclusions, now, inReleaseChannel, window).Where(b => !b.IsWarning).Select(b => b.Message).ToList();

    private static string Utc(Instant i) => InstantPattern.General.Format(i);
}
