using HubInfra.Core.Capacity;
using HubInfra.Core.Model;
using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Planning;

/// <summary>The pool an event's seats are planned on, with the numbers that decide seats per node.</summary>
public sealed record EventPoolPlan(
    string Pool,
    string MachineType,
    double AllocatableCpu,
    double AllocatableMemoryGiB,
    int SeatsPerNode,
    int MaxNodes,
    double HourlyPrice,
    NodePoolPlan? Dedicated);

/// <summary>One warm window: when capacity is up (lead before, grace after), how many seats and nodes, what it costs.</summary>
public sealed record EventWindowPlan(
    string Source,
    ZonedDateTime Start,
    ZonedDateTime End,
    Instant WarmFrom,
    Instant CoolAt,
    int Attendees,
    int Seats,
    int Nodes,
    double NodeHours,
    double Cost);

/// <summary>
/// The capacity plan of an event stack: plain data, the same offline (<c>plan</c>) and in the Pulumi program.
/// </summary>
public sealed record EventPlan(
    EventSettings Event,
    HubSettings Hub,
    string Namespace,
    string ReleaseName,
    ProfileSettings Profile,
    EventPoolPlan Pool,
    IReadOnlyList<EventWindowPlan> Windows,
    int PeakSeats,
    int PeakNodes,
    double NodeHours,
    double Cost,
    string Currency,
    string PricesAsOf,
    MaintenanceExclusionPlan Exclusions,
    HubPlan? WorkshopHub)
{
    public string PlaceholderName => Naming.Label($"{Event.StackName}-placeholder");

    public string SchedulerName => $"{ReleaseName}-user-scheduler";

    public string PlaceholderPriorityClass => $"{ReleaseName}-user-placeholder-priority";

    public IReadOnlyList<WarmWindow> Warm { get; init; } = [];

    /// <summary>What the cost is: "USD list prices of europe-west4 as of 2025-03-06".</summary>
    public string PriceBasis { get; init; } = "";

    /// <summary>The community is a local stack: no z2jh user scheduler and no node-purpose labels to select.</summary>
    public bool LocalCluster { get; init; }

    /// <summary>Plans an event against its community stack; null when the target hub, profile or pool is missing (the validator says which).</summary>
    public static EventPlan? From(EventSettings ev, CommunityStack community)
    {
        var hub = TargetHub(ev, community);
        var profile = hub?.Profiles.FirstOrDefault(p => p.Name == ev.Profile);
        if (hub is null || profile is null) return null;

        var calendar = EventCalendar.Expand(ev.Zone, ev.Windows, ev.Daily, ev.Attendees);
        var warm = WarmSchedule.Build(calendar.Windows, ev.Lead, ev.Grace);
        var peakSeats = warm.Count == 0 ? ev.PeakSeats : warm.Max(w => Seats(w.Attendees, ev.PeakFraction));

        var communityPool = community.UserPools.FirstOrDefault(p => p.Name == profile.NodePool);
        NodePoolSettings? poolSettings = ev.Pool is { } dedicated
            ? dedicated.AsUserPool(profile.NodePool.Length > 0 ? profile.NodePool : "event", communityPool?.Gpu)
            : communityPool;
        if (poolSettings is null || !MachineTypeCatalog.TryGet(poolSettings.MachineType, out var machine)) return null;

        // The event's own capacity settings, priced in the community cluster's region.
        var capacity = ev.Capacity.InRegion(community.Region);
        var seatsPerNode = Math.Max(0, SeatPlanner.SeatsFor(profile, poolSettings, machine, capacity));
        var peakNodes = seatsPerNode == 0 ? 0 : (int)Math.Ceiling((double)peakSeats / seatsPerNode);
        NodePoolPlan? dedicatedPlan = null;
        if (ev.Pool is { } p)
        {
            poolSettings = poolSettings with { MaxNodes = Math.Max(1, peakNodes + p.HeadroomNodes) };
            dedicatedPlan = NodePoolPlan.From(poolSettings, capacity, ev.StackName);
        }
        var hourly = capacity.Prices.NodeHourly(machine, poolSettings.Spot, poolSettings.Gpu?.Type, poolSettings.Gpu?.Count ?? 0);
        var alloc = SeatPlanner.Allocatable(machine, capacity);
        var pool = new EventPoolPlan(poolSettings.Name, machine.Name, Math.Round(alloc.CpuCores, 3), Math.Round(alloc.MemoryGiB, 3), seatsPerNode,
            poolSettings.MaxNodes, Math.Round(hourly, 4), dedicatedPlan);

        var windows = new List<EventWindowPlan>();
        foreach (var w in warm)
        {
            var seats = Seats(w.Attendees, ev.PeakFraction);
            var nodes = seatsPerNode == 0 ? 0 : (int)Math.Ceiling((double)seats / seatsPerNode);
            var hours = (w.CoolAt - w.WarmFrom).TotalHours;
            var first = w.Covers[0];
            var last = w.Covers[^1];
            windows.Add(new EventWindowPlan(string.Join(", ", w.Covers.Select(c => c.Source)), first.Start, last.End, w.WarmFrom, w.CoolAt,
                w.Attendees, seats, nodes, Math.Round(nodes * hours, 2), Math.Round(nodes * hours * hourly, 2)));
        }

        var exclusions = MaintenanceExclusions.Plan(Naming.Label(ev.StackName, 50), warm, Duration.FromHours(48));
        var workshopPlan = hub.Workshop is not null ? HubPlan.From(hub, community with { UserPools = PoolsForWorkshop(community, poolSettings) }) : null;
        return new EventPlan(ev, hub, hub.Namespace, hub.HelmReleaseName, profile, pool, windows, peakSeats, peakNodes,
            Math.Round(windows.Sum(w => w.NodeHours), 2), Math.Round(windows.Sum(w => w.Cost), 2), capacity.Prices.Currency, capacity.Prices.AsOf,
            exclusions, workshopPlan)
        {
            Warm = warm,
            LocalCluster = community.Kind == StackKind.Local,
            PriceBasis = capacity.Prices.Basis,
        };
    }

    public static int Seats(int attendees, double peakFraction) => (int)Math.Ceiling(attendees * peakFraction - 1e-9);

    /// <summary>A workshop hub's profiles without a pool use the event's pool (dedicated) or the community's first user pool.</summary>
    private static HubSettings ResolveWorkshopHub(HubSettings ws, CommunityStack community)
    {
        var fallback = community.UserPools.FirstOrDefault()?.Name ?? "user";
        var profiles = ws.Profiles.Select(p => p.NodePool.Length > 0 ? p : p with { NodePool = fallback }).ToList();
        return ws with { Profiles = profiles };
    }

    private static IReadOnlyList<NodePoolSettings> PoolsForWorkshop(CommunityStack community, NodePoolSettings eventPool) =>
        community.UserPools.Any(p => p.Name == eventPool.Name) ? community.UserPools : community.UserPools.Append(eventPool).ToList();

    public static HubSettings? TargetHub(EventSettings ev, CommunityStack community) =>
        ev.WorkshopHub is { } ws && ws.Name == ev.Hub ? ResolveWorkshopHub(ws, community) : community.Hubs.FirstOrDefault(h => h.Name == ev.Hub);
}
