using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Schedule;

namespace HubInfra.Core.Binding;

/// <summary>
/// Resolves an event stack against its community stack, once: the hub attendees use, the profile they start, the
/// pool their seats run on with its machine type, accelerators and prices, and the calendar. <see cref="Planning.EventPlan.From"/>
/// takes only what this returns, so the planner has nothing left to look up and cannot fail; validation checks the
/// resolution (GPUs per user) and then the plan.
/// </summary>
public static class EventResolver
{
    private const string Key = "hubinfra:event";

    /// <param name="communityFile">The community's stack file, as messages name it.</param>
    /// <param name="calendar">The event's windows when the caller has expanded them already (validation reports their problems).</param>
    public static EventResolution Resolve(EventSettings ev, CommunityStack community, string communityFile = "its stack file", EventCalendarResult? calendar = null)
    {
        var hub = TargetHub(ev, community);
        if (hub is null)
            return Unresolved(new Problem($"{Key}.hub", $"'{ev.Hub}' is not a hub of {ev.CommunityStack}; use one of: {string.Join(", ", community.Hubs.Select(h => h.Name))}"));
        var profile = hub.Profiles.FirstOrDefault(p => p.Name == ev.Profile);
        if (profile is null)
            return Unresolved(new Problem($"{Key}.profile", $"'{ev.Profile}' is not a profile of hub '{hub.Name}'; use one of: {string.Join(", ", hub.Profiles.Select(p => p.Name))}"));
        // Seats are planned from the profile's guarantees: a profile that fails its own checks (reported at its key,
        // in the workshop hub here or in the community's file) is never planned.
        if (!profile.IsPlannable)
            return ev.WorkshopHub?.Name == hub.Name
                ? new EventResolution(null, [])
                : Unresolved(new Problem($"{Key}.profile", $"profile '{profile.Name}' of hub '{hub.Name}' has no usable cpu and memory guarantee; fix it in {communityFile} (validate it alone to see how)"));

        var communityPool = community.UserPools.FirstOrDefault(p => p.Name == profile.NodePool);
        NodePoolSettings pool;
        if (ev.Pool is { } own)
        {
            if (!MachineTypeCatalog.TryGet(own.MachineType, out _))
                return Unresolved(new Problem($"{Key}.pool.machineType", $"'{own.MachineType}' is not a GCE machine type we know; use e.g. n2-highmem-8"));
            pool = own.AsUserPool(profile.NodePool.Length > 0 ? profile.NodePool : "event", communityPool?.Gpu);
        }
        else if (communityPool is null)
        {
            return Unresolved(new Problem($"{Key}.profile",
                $"profile '{profile.Name}' runs on pool '{profile.NodePool}', which {ev.CommunityStack} does not have; add that pool to {ev.CommunityStack} or give the event its own pool (event.pool)"));
        }
        else
        {
            pool = communityPool;
        }
        if (!MachineTypeCatalog.TryGet(pool.MachineType, out var machine))
            return Unresolved(new Problem($"{Key}.profile",
                $"profile '{profile.Name}' runs on pool '{pool.Name}' of {ev.CommunityStack}, whose machine type '{pool.MachineType}' is not one we know; fix it in {communityFile} (validate it alone to see how)"));
        if (ev.Pool is { } ownPool && AcceleratorProblems(ownPool, pool.Gpu, communityPool, machine) is { Count: > 0 } refused)
            return new EventResolution(null, refused);

        // The event's own capacity settings, priced in the community cluster's region: every node of the pool has a price.
        var capacity = ev.Capacity.InRegion(community.Region);
        if (PriceRules.Check(capacity.Prices, machine, pool.Gpu?.Type, pool.Gpu?.Count ?? 0,
                ev.Pool is not null ? $"{Key}.pool" : $"pool '{profile.NodePool}'") is { } unpriced)
            return Unresolved(unpriced);

        calendar ??= EventCalendar.Expand(ev.Zone, ev.Windows, ev.Daily, ev.Attendees);
        return new EventResolution(new ResolvedEvent(ev, community, hub, profile, pool, communityPool, machine, capacity, calendar), []);
    }

    /// <summary>
    /// The hub attendees use: the event's workshop hub when <c>hub</c> names it (its profiles without a pool run on the
    /// community's first user pool, or the event's own pool named like it), else the community hub of that name.
    /// </summary>
    public static HubSettings? TargetHub(EventSettings ev, CommunityStack community) =>
        ev.WorkshopHub is { } ws && ws.Name == ev.Hub ? WithPools(ws, community) : community.Hubs.FirstOrDefault(h => h.Name == ev.Hub);

    private static HubSettings WithPools(HubSettings ws, CommunityStack community)
    {
        var fallback = community.UserPools.FirstOrDefault()?.Name ?? "user";
        return ws with { Profiles = ws.Profiles.Select(p => p.NodePool.Length > 0 ? p : p with { NodePool = fallback }).ToList() };
    }

    /// <summary>
    /// The event's own pool carries its accelerators (<c>event.pool.gpu</c>, else those of the profile's community pool)
    /// on its machine type by the same rule as a community pool (<see cref="AcceleratorRules"/>), reported at
    /// <c>hubinfra:event.pool</c> (<c>.gpu…</c> when the event declares them): no seat count or price follows from a
    /// pool GKE would refuse.
    /// </summary>
    private static List<Problem> AcceleratorProblems(EventPoolSettings own, GpuSettings? gpu, NodePoolSettings? communityPool, MachineType machine)
    {
        var found = AcceleratorRules.Check(gpu, machine, $"{Key}.pool").ToList();
        if (found.Count == 0 || own.Gpu is not null || gpu is null) return found;
        return found.Select(p => p with
        {
            Key = $"{Key}.pool",
            Message = $"the event's pool takes the accelerators of the profile's pool '{communityPool!.Name}' ({gpu.Count}× {gpu.Type}), but {p.Message.TrimEnd('.')}; " +
                      "or set event.pool.gpu to the accelerators this machine type carries",
        }).ToList();
    }

    private static EventResolution Unresolved(Problem problem) => new(null, [problem]);
}
