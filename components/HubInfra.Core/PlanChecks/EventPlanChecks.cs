using System.Globalization;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Schedule;
using HubInfra.Core.Validation;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.PlanChecks;

/// <summary>
/// The second pass over an event stack, after its one plan: the planned numbers against the limits they must fit.
/// Its problems join those of <see cref="EventValidator"/> in one list, reported at once.
/// </summary>
public static class EventPlanChecks
{
    private const string Key = "hubinfra:event";

    /// <summary>
    /// The event's plan (<see cref="EventPlan.From"/> of what <see cref="EventValidator.Validate"/> returned) against the limits it
    /// must fit: a seat on a node, the pool's maxNodeCount (with the other events warm on it at the same time), the
    /// hub's login storm, the maintenance exclusions that keep its windows free of upgrades, quotas and GKE's limits.
    /// </summary>
    /// <param name="otherPlans">The plans of the other event stacks known beside it (<see cref="CommunityEvents.Plans"/>).</param>
    /// <param name="exclusionsDerived">True when the community is deployed from the same folder, so its cluster gets the
    /// event's maintenance exclusions from the event's stack file (<see cref="CommunityEvents"/>); false asks for them
    /// to be added to the community's stack file.</param>
    public static void Check(EventPlan plan, CommunityStack community, List<Problem> problems, Instant now,
        IReadOnlyList<EventPlan>? otherPlans = null, string stacksFolder = "stacks", bool exclusionsDerived = false)
    {
        var ev = plan.Event;
        var communityFile = StackFile.PathIn(stacksFolder, ev.CommunityStack);
        if (plan.Pool.SeatsPerNode < 1)
        {
            problems.Add(new Problem($"{Key}.profile", $"profile '{plan.Profile.Name}' (guarantee {plan.Profile.CpuGuarantee} CPU / {plan.Profile.MemoryGuarantee}) does not fit one seat on {plan.Pool.MachineType}; use a larger machine type or a profile with a smaller guarantee"));
            return;
        }
        if (ev.Pool is null && plan.PeakNodes > plan.Pool.MaxNodes)
            problems.Add(new Problem($"{Key}.attendees",
                $"the peak of {plan.PeakSeats} seats needs {plan.PeakNodes} nodes of {plan.Pool.MachineType} ({plan.Pool.SeatsPerNode} seats each), " +
                $"but pool '{plan.Pool.Name}' autoscales to at most {plan.Pool.MaxNodes}; raise its maxNodeCount in {communityFile}, lower peakFraction, or give the event its own pool (event.pool)") { KeepsPlan = true });

        if (otherPlans is not null)
            CheckSharedPool(plan, otherPlans, problems, communityFile);
        if (plan.Warm.Any(w => w.CoolAt > now))
            problems.AddRange(LoginStormRules.Check(plan, communityFile));
        if (exclusionsDerived)
            CheckDerivedExclusions(plan, community, otherPlans ?? [], problems, now, communityFile);
        else
            CheckMaintenanceExclusions(ev, community, plan, problems, now, communityFile);
        QuotaRules.CheckEvent(ev, community, plan, problems);
        EventPoolLimits.Check(ev, community, plan, problems);
    }

    /// <summary>
    /// Events whose warm windows overlap on the same community pool need their nodes at the same time: the sum must
    /// fit the pool's maxNodeCount. Reports the first time the sum is exceeded, naming every event warm then.
    /// (Dedicated event pools are their own pools; their sum against the cluster's limits is the cluster validation's.)
    /// </summary>
    private static void CheckSharedPool(EventPlan plan, IReadOnlyList<EventPlan> otherPlans, List<Problem> problems, string communityFile)
    {
        if (plan.Pool.Dedicated is not null) return;
        var spans = plan.Windows.Select(w => (w.WarmFrom, w.CoolAt, w.Nodes, Event: plan.Event.StackName)).ToList();
        foreach (var op in otherPlans.Where(o => o.Event.StackName != plan.Event.StackName && o.Event.CommunityStack == plan.Event.CommunityStack
                                               && o.Pool.Dedicated is null && o.Pool.Name == plan.Pool.Name))
            spans.AddRange(op.Windows.Select(w => (w.WarmFrom, w.CoolAt, w.Nodes, Event: op.Event.StackName)));
        foreach (var mine in plan.Windows)
        {
            foreach (var at in spans.Where(s => s.WarmFrom >= mine.WarmFrom && s.WarmFrom < mine.CoolAt).Select(s => s.WarmFrom).Append(mine.WarmFrom).Distinct().Order())
            {
                var active = spans.Where(s => s.WarmFrom <= at && at < s.CoolAt).ToList();
                var sum = active.Sum(s => s.Nodes);
                if (active.Select(s => s.Event).Distinct().Count() < 2 || sum <= plan.Pool.MaxNodes) continue;
                var who = string.Join(" + ", active.GroupBy(s => s.Event).OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} ({g.Sum(s => s.Nodes)})"));
                problems.Add(new Problem($"{Key}.windows",
                    $"at {PlanDocument.Utc(at)} events {who} are warm on pool '{plan.Pool.Name}' at the same time and need {sum} nodes, " +
                    $"but it autoscales to at most {plan.Pool.MaxNodes}; raise its maxNodeCount in {communityFile}, " +
                    "move one event's windows, or give one event its own pool (event.pool)") { KeepsPlan = true });
                return;
            }
        }
    }

    /// <summary>
    /// The community is deployed from the same folder, so its cluster gets this event's exclusions from this stack file
    /// (<see cref="CommunityEvents"/>): says which of them cannot join the cluster's list and why.
    /// </summary>
    private static void CheckDerivedExclusions(EventPlan plan, CommunityStack community, IReadOnlyList<EventPlan> otherPlans, List<Problem> problems, Instant now, string communityFile)
    {
        var ev = plan.Event;
        if (community.Kind == StackKind.Local) return;
        var plans = otherPlans.Where(o => o.Event.StackName != ev.StackName).Append(plan).ToList();
        foreach (var u in CommunityEvents.Exclusions(community, plans, now).UnfitFor(ev.StackName))
        {
            var e = u.Exclusion;
            var what = $"the maintenance exclusion {e.Name} ({InstantPattern.General.Format(e.Start)} to {InstantPattern.General.Format(e.End)}, {e.Scope.GkeName()}) " +
                       $"this event's warm windows need is derived from this stack file for {ev.CommunityStack}'s cluster, but ";
            problems.Add(u.Waiting
                ? new Problem($"{Key}.windows", what + $"cannot be added yet: {u.Reason}; run pulumi up -s {ev.CommunityStack} on or after that day", Severity.Warning) { KeepsPlan = true }
                : new Problem($"{Key}.windows", what + $"it would break GKE's rules with the cluster's other exclusions: {u.Reason}; " +
                                                 $"or move this event's windows, or remove entries from hubinfra:cluster.maintenanceExclusions in {communityFile}") { KeepsPlan = true });
        }
    }

    private static void CheckMaintenanceExclusions(EventSettings ev, CommunityStack community, EventPlan plan, List<Problem> problems, Instant now, string communityFile)
    {
        if (community.Kind == StackKind.Local) return;
        // Only exclusions that keep the nodes protect user servers (NO_MINOR_UPGRADES still lets node patches through).
        var existing = community.Cluster.MaintenanceExclusions.Where(e => e.Scope.KeepsNodes()).Select(e => (e.Start, e.End)).ToList();
        var uncovered = plan.Warm.Where(w => w.CoolAt > now && !MaintenanceExclusions.Covers(existing, w)).ToList();
        if (uncovered.Count == 0) return;
        var current = community.Cluster.MaintenanceExclusions.Select(e => e.AsExclusion()).Where(e => e.End > now).ToList();
        var suggested = MaintenanceExclusions.FitWith(current, plan.Exclusions, now,
            inReleaseChannel: community.Cluster.ReleaseChannel != "UNSPECIFIED", window: GkeRecurringWindow.From(community.Cluster.MaintenanceWindow));
        // Only what the cluster lacks; the plan's notes (why this scope, what was merged) and when each can be added.
        var lacking = suggested.Exclusions.Where(e => !MaintenanceExclusions.IsPresent(e, current)).ToList();
        var missing = lacking.Count > 0 ? lacking : suggested.Exclusions;
        if (MaintenanceExclusions.WhenToAdd(missing, current, now) is { } when)
            suggested = suggested with { Notes = [.. suggested.Notes, when] };
        var yaml = string.Join(" ", missing.Select(e =>
            $"{{ name: {e.Name}, start: \"{InstantPattern.General.Format(e.Start)}\", end: \"{InstantPattern.General.Format(e.End)}\"" +
            (e.Scope == ExclusionScope.NoUpgrades ? "" : $", scope: {e.Scope.GkeName()}") + " }"));
        var notes = suggested.Notes.Count > 0 ? " (" + string.Join("; ", suggested.Notes) + ")" : "";
        problems.Add(new Problem($"{Key}.windows",
            (uncovered.Count == 1 ? "1 warm window is" : $"{uncovered.Count.ToString(CultureInfo.InvariantCulture)} warm windows are") + $" not covered by a maintenance exclusion of {ev.CommunityStack}'s cluster, so GKE may upgrade it during the event; " +
            $"add to hubinfra:cluster.maintenanceExclusions in {communityFile}: {yaml}{notes}") { KeepsPlan = true });
    }
}
