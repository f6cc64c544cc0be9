using System.Globalization;
using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Schedule;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Validation;

/// <summary>Checks an event stack against the calendar, its community stack and the capacity it needs.</summary>
public static class EventValidator
{
    private const string Key = "hubinfra:event";

    public static void Validate(EventSettings ev, CommunityStack? community, List<Problem> problems, Instant now, bool communityLookedUp)
    {
        var calendar = EventCalendar.Expand(ev.Zone, ev.Windows, ev.Daily, ev.Attendees);
        foreach (var p in calendar.Problems)
            problems.Add(new Problem($"{Key}.{p.Path}", p.Message));
        if (calendar.Windows.Count > 0 && calendar.Windows.All(w => w.EndInstant.Plus(ev.Grace) < now))
            problems.Add(new Problem(Key, $"every window of this event is past: destroy the stack (pulumi destroy -s {ev.StackName}) and remove stacks/{StackFile.FileName(ev.StackName)}", Severity.Warning));

        if (ev.WorkshopHub is { } ws)
            WorkshopRules.Check(ws, ev, community, problems);

        if (community is null)
        {
            if (communityLookedUp)
                problems.Add(new Problem($"{Key}.community", $"no community stack '{ev.CommunityStack}' (stacks/{StackFile.FileName(ev.CommunityStack)}) was found; name an existing community stack"));
            return;
        }
        if (community.Kind == StackKind.Event)
        {
            problems.Add(new Problem($"{Key}.community", $"'{ev.CommunityStack}' is an event stack; name the community stack whose cluster the event uses"));
            return;
        }

        var hub = EventPlan.TargetHub(ev, community);
        if (hub is null)
        {
            problems.Add(new Problem($"{Key}.hub", $"'{ev.Hub}' is not a hub of {ev.CommunityStack}; use one of: {string.Join(", ", community.Hubs.Select(h => h.Name))}"));
            return;
        }
        if (!hub.PodPriority)
            problems.Add(new Problem($"{Key}.hub", $"hub '{hub.Name}' has podPriority off, so users could not preempt the event's placeholders; set podPriority: true on it in stacks/{StackFile.FileName(ev.CommunityStack)}"));
        var profile = hub.Profiles.FirstOrDefault(p => p.Name == ev.Profile);
        if (profile is null)
        {
            problems.Add(new Problem($"{Key}.profile", $"'{ev.Profile}' is not a profile of hub '{hub.Name}'; use one of: {string.Join(", ", hub.Profiles.Select(p => p.Name))}"));
            return;
        }
        if (ev.Pool is { } pool && !MachineTypeCatalog.TryGet(pool.MachineType, out _))
        {
            problems.Add(new Problem($"{Key}.pool.machineType", $"'{pool.MachineType}' is not a GCE machine type we know; use e.g. n2-highmem-8"));
            return;
        }
        if (ev.Pool is null && community.UserPools.All(p => p.Name != profile.NodePool))
        {
            problems.Add(new Problem($"{Key}.profile", $"profile '{profile.Name}' runs on pool '{profile.NodePool}', which {ev.CommunityStack} does not have"));
            return;
        }
        if (calendar.Problems.Count > 0 || ev.PeakSeats < 1)
            return;

        var plan = EventPlan.From(ev, community);
        if (plan is null) return;
        if (plan.Pool.SeatsPerNode < 1)
        {
            problems.Add(new Problem($"{Key}.profile", $"profile '{profile.Name}' (guarantee {profile.CpuGuarantee} CPU / {profile.MemoryGuarantee}) does not fit one seat on {plan.Pool.MachineType}"));
            return;
        }
        if (ev.Pool is null && plan.PeakNodes > plan.Pool.MaxNodes)
            problems.Add(new Problem($"{Key}.attendees",
                $"the peak of {plan.PeakSeats} seats needs {plan.PeakNodes} nodes of {plan.Pool.MachineType} ({plan.Pool.SeatsPerNode} seats each), " +
                $"but pool '{plan.Pool.Pool}' autoscales to at most {plan.Pool.MaxNodes}; raise its maxNodeCount in stacks/{StackFile.FileName(ev.CommunityStack)}, lower peakFraction, or give the event its own pool (event.pool)"));

        CheckMaintenanceExclusions(ev, community, plan, problems, now);
        QuotaRules.CheckEvent(ev, community, plan, problems);
        GkeLimits.CheckEvent(ev, community, plan, problems);
        foreach (var note in plan.Exclusions.Notes)
            problems.Add(new Problem($"{Key}.windows", $"maintenance exclusions: {note}", Severity.Warning));
    }

    private static void CheckMaintenanceExclusions(EventSettings ev, CommunityStack community, EventPlan plan, List<Problem> problems, Instant now)
    {
        if (community.Kind == StackKind.Local) return;
        // Only exclusions that keep the nodes protect user servers (NO_MINOR_UPGRADES still lets node patches through).
        var existing = community.Cluster.MaintenanceExclusions.Where(e => e.Scope.KeepsNodes()).Select(e => (e.Start, e.End)).ToList();
        var uncovered = plan.Warm.Where(w => w.CoolAt > now && !MaintenanceExclusions.Covers(existing, w)).ToList();
        if (uncovered.Count == 0) return;
        var suggested = MaintenanceExclusions.FitWith(
            community.Cluster.MaintenanceExclusions.Select(e => e.AsExclusion()).Where(e => e.End > now).ToList(), plan.Exclusions, now,
            inReleaseChannel: community.Cluster.ReleaseChannel != "UNSPECIFIED");
        var yaml = string.Join(" ", suggested.Exclusions.Select(e =>
            $"{{ name: {e.Name}, start: \"{InstantPattern.General.Format(e.Start)}\", end: \"{InstantPattern.General.Format(e.End)}\"" +
            (e.Scope == ExclusionScope.NoUpgrades ? "" : $", scope: {e.Scope.GkeName()}") + " }"));
        var notes = suggested.Notes.Count > 0 ? " (" + string.Join("; ", suggested.Notes) + ")" : "";
        problems.Add(new Problem($"{Key}.windows",
            $"{uncovered.Count.ToString(CultureInfo.InvariantCulture)} warm window(s) are not covered by a maintenance exclusion of {ev.CommunityStack}'s cluster, so GKE may upgrade it during the event; " +
            $"add to hubinfra:cluster.maintenanceExclusions in stacks/{StackFile.FileName(ev.CommunityStack)}: {yaml}{notes}"));
    }
}
