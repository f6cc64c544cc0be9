using HubInfra.Core.Binding;
using HubInfra.Core.Capacity;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;
using HubInfra.Core.Schedule;
using HubInfra.Core.Values;
using NodaTime;
using HubInfra.Core.Kubernetes;

namespace HubInfra.Core.Planning;

/// <summary>The pool an event's seats are planned on, with the numbers that decide seats per node.</summary>
public sealed record EventPoolPlan(
    string Name,
    string MachineType,
    double AllocatableCpu,
    double AllocatableMemoryGiB,
    int SeatsPerNode,
    int MaxNodes,
    double HourlyPrice,
    NodePoolPlan? Dedicated)
{
    /// <summary>The pool's secondary boot disk image (preloaded container images), or none.</summary>
    public string? SecondaryBootDiskImage { get; init; }

    /// <summary>The accelerators on each node of the pool (an event's own pool: event.pool.gpu or the profile pool's), or none.</summary>
    public GpuSettings? Gpu { get; init; }
}

/// <summary>
/// One warm window: when capacity is up (lead before, grace after), how many seats and nodes, what it costs.
/// <see cref="NodeHours"/> and <see cref="Cost"/> are the upper bound (every planned seat taken all along).
/// The arrival phase runs from <see cref="WarmFrom"/> to <see cref="ReleaseAt"/> (the first covered window's start
/// plus <c>arrivalMinutes</c>) with every seat warm; the release phase runs from there to <see cref="CoolAt"/>, where
/// the plan itself holds only <see cref="HeadroomSeats"/> free seats (<see cref="HeadroomNodes"/> nodes) beyond the
/// servers of those who came: <see cref="ReleaseNodeHours"/> is what it costs if nobody else comes.
/// Node-hours and costs are not rounded: the plan document rounds each figure once, totals after summing.
/// </summary>
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
    double Cost)
{
    public Instant ReleaseAt { get; init; }

    /// <summary>The free seats held in the release phase: the headroom, at most the window's seats.</summary>
    public int HeadroomSeats { get; init; }

    /// <summary>
    /// The seats the scaler keeps warm in the arrival phase: every seat of the planned nodes (nodes × seats per node,
    /// at least <c>Seats</c>). The spare seats of the last node cost nothing (the node is paid for anyway) and leave
    /// no free seat beside placeholders: a free seat on a node full of placeholders is where the packing scheduler
    /// puts the next user, and that one user then keeps a node of no-shows all day (the simulation shows 1.29× instead
    /// of 1.23× the lower bound for the summer school with 30% no-shows).
    /// </summary>
    public int WarmSeats { get; init; }

    public int HeadroomNodes { get; init; }

    public double ArrivalNodeHours { get; init; }

    public double ArrivalCost { get; init; }

    public double ReleaseNodeHours { get; init; }

    public double ReleaseCost { get; init; }
}

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

    /// <summary>
    /// The event's own namespace (<c>&lt;event&gt;-capacity</c>, a DNS label of at most 63 characters): its scaler, the
    /// scaler's state and the placeholder pods, and nothing else. Created and destroyed with the event stack.
    /// </summary>
    public string CapacityNamespace => Naming.Label($"{Event.StackName}-capacity");

    /// <summary>The z2jh user scheduler of the target hub (a chart object: see <see cref="ChartObjects.UserScheduler"/>).</summary>
    public string SchedulerName => ChartObjects.UserScheduler.NameFor(ReleaseName);

    /// <summary>The PriorityClass this event creates for its placeholders (cluster-scoped, one per event).</summary>
    public string PlaceholderPriorityClass => Naming.Label($"{Event.StackName}-placeholder-priority");

    public IReadOnlyList<WarmWindow> Warm { get; init; } = [];

    /// <summary>
    /// The warm-seat policy of this event, as the scaler in the cluster, <c>simulate</c> and the plan document read it:
    /// phases of every warm window, headroom, arrival slots, stall rule, backend, attendee rule.
    /// </summary>
    public ScalerSpec Scaler { get; init; } = new([], ScalerSpec.DefaultIntervalSeconds, 0, 0, ArrivalStall.Default,
        CapacityBackend.Placeholders, AttendeeRule.AllServers, 1);

    /// <summary>The scaler's schedule: arrival and release phases of every warm window, sorted, not overlapping.</summary>
    public IReadOnlyList<ScalerPhase> Phases => Scaler.Phases;

    /// <summary>How often the scaler compares warm seats with attendees' servers (seconds).</summary>
    public int TrackingIntervalSeconds => Scaler.IntervalSeconds;

    /// <summary><c>arrivalMinutes</c>: minutes after each window's start until the headroom shrinks, at the latest.</summary>
    public int ReleaseAfterMinutes => (int)Event.Arrival.TotalMinutes;

    /// <summary>The headroom (stack key <c>lateHeadroomSeats</c>) resolved: the warm seats kept free after the arrival phase (default one node's seats).</summary>
    public int HeadroomSeats => Scaler.HeadroomSeats;

    /// <summary><c>preWarmMinutes</c> as set, or derived (<see cref="LeadTime"/>).</summary>
    public Duration PreWarm { get; init; }

    /// <summary>Whether <see cref="PreWarm"/> was derived rather than set in the stack file.</summary>
    public bool PreWarmDerived => Event.Lead is null;

    /// <summary>How the warm seats are held (the community's <c>capacity.backend</c>).</summary>
    public CapacityBackend Backend => Scaler.Backend;

    /// <summary>Node-hours and cost (not rounded) expected with <c>noShowFraction</c> of the seats empty: arrival phases as planned,
    /// release phases holding the nodes of those who come plus the headroom.</summary>
    public double ExpectedNodeHours { get; init; }

    public double ExpectedCost { get; init; }

    /// <summary>Upper bound of node-hours and cost in all arrival phases, and what the release phases hold beyond those who came (not rounded).</summary>
    public double ArrivalNodeHours => Windows.Sum(w => w.ArrivalNodeHours);

    public double ArrivalCost => Windows.Sum(w => w.ArrivalCost);

    public double ReleaseNodeHours => Windows.Sum(w => w.ReleaseNodeHours);

    public double ReleaseCost => Windows.Sum(w => w.ReleaseCost);

    /// <summary>What the target hub needs for this event's login storm (applied to a workshop hub; checked on a community hub).</summary>
    public LoginStorm? Storm { get; init; }

    /// <summary>What the cost is: "USD list prices of europe-west4 as of 2025-03-06".</summary>
    public string PriceBasis { get; init; } = "";

    /// <summary>The community cluster's GKE release channel (decides the scaler's kubectl, see <see cref="PlaceholderScaler.KubectlImageFor"/>).</summary>
    public string ReleaseChannel { get; init; } = "REGULAR";

    /// <summary>The community is a local stack: no z2jh user scheduler and no node-purpose labels to select.</summary>
    public bool LocalCluster { get; init; }

    /// <summary>
    /// Plans an event resolved against its community stack (<see cref="EventResolver"/>): nothing is looked up here,
    /// so every resolved event gets a plan. Validation reads it (seats that fit, pool limits, quotas, exclusions).
    /// </summary>
    public static EventPlan From(ResolvedEvent resolved)
    {
        var ev = resolved.Event;
        var community = resolved.Community;
        var hub = resolved.Hub;
        var profile = resolved.Profile;
        var machine = resolved.Machine;
        var capacity = resolved.Capacity;

        // preWarmMinutes unless set: a preloaded image (secondary boot disk) makes a node usable 5 minutes sooner.
        var lead = ev.Lead ?? LeadTime.Derive(resolved.Pool.SecondaryBootDiskImage is not null);
        var warm = WarmSchedule.Build(resolved.Calendar.Windows, lead, ev.Grace);
        var peakSeats = warm.Count == 0 ? ev.PeakSeats : warm.Max(w => Seats(w.Attendees, ev.PeakFraction));

        var poolSettings = resolved.Pool;
        var seatsPerNode = Math.Max(0, SeatPlanner.SeatsFor(profile, poolSettings, machine, capacity));
        var peakNodes = seatsPerNode == 0 ? 0 : (int)Math.Ceiling((double)peakSeats / seatsPerNode);
        NodePoolPlan? dedicatedPlan = null;
        if (ev.Pool is { } p)
        {
            poolSettings = poolSettings with { MaxNodes = Math.Max(1, peakNodes + p.HeadroomNodes) };
            dedicatedPlan = NodePoolPlan.From(poolSettings, capacity, ev.StackName);
        }
        var hourly = capacity.Prices.NodeHourly(machine, poolSettings.Spot, poolSettings.Gpu?.Type, poolSettings.Gpu?.Count ?? 0);
        var alloc = SeatPlanner.Allocatable(machine, capacity, poolSettings.ImageStreaming);
        var pool = new EventPoolPlan(poolSettings.Name, machine.Name, Math.Round(alloc.CpuCores, 3), Math.Round(alloc.MemoryGiB, 3), seatsPerNode,
            poolSettings.MaxNodes, Math.Round(hourly, 4), dedicatedPlan)
        {
            SecondaryBootDiskImage = poolSettings.SecondaryBootDiskImage,
            Gpu = poolSettings.Gpu,
        };

        var headroom = ev.LateHeadroomSeats ?? seatsPerNode;
        var windows = new List<EventWindowPlan>();
        var phases = new List<ScalerPhase>();
        var expectedHours = 0.0;
        foreach (var w in warm)
        {
            var seats = Seats(w.Attendees, ev.PeakFraction);
            var nodes = seatsPerNode == 0 ? 0 : (int)Math.Ceiling((double)seats / seatsPerNode);
            var hours = (w.CoolAt - w.WarmFrom).TotalHours;
            var first = w.Covers[0];
            var last = w.Covers[^1];
            var warmSeats = Math.Max(seats, nodes * seatsPerNode);
            var windowPhases = PhasesOf(w, warmSeats, lead, ev.Arrival, ev.Stall.MinAttendees(seats));
            phases.AddRange(windowPhases);
            var headroomSeats = Math.Min(seats, headroom);
            var headroomNodes = seatsPerNode == 0 ? 0 : (int)Math.Ceiling((double)headroomSeats / seatsPerNode);
            var arrivalHours = windowPhases.Where(p => p.IsArrival).Sum(p => (p.Until - p.From).TotalHours);
            var releaseHours = hours - arrivalHours;
            var expectedSeats = (int)Math.Ceiling(seats * (1 - ev.NoShowFraction) - 1e-9);
            var expectedReleaseNodes = seatsPerNode == 0 ? 0 : (int)Math.Ceiling((double)Math.Min(seats, expectedSeats + headroomSeats) / seatsPerNode);
            expectedHours += nodes * arrivalHours + expectedReleaseNodes * releaseHours;
            windows.Add(new EventWindowPlan(string.Join(", ", w.Covers.Select(c => c.Source)), first.Start, last.End, w.WarmFrom, w.CoolAt,
                w.Attendees, seats, nodes, nodes * hours, nodes * hours * hourly)
            {
                ReleaseAt = windowPhases.FirstOrDefault(p => !p.IsArrival)?.From ?? w.CoolAt,
                HeadroomSeats = headroomSeats,
                HeadroomNodes = headroomNodes,
                WarmSeats = warmSeats,
                ArrivalNodeHours = nodes * arrivalHours,
                ArrivalCost = nodes * arrivalHours * hourly,
                ReleaseNodeHours = headroomNodes * releaseHours,
                ReleaseCost = headroomNodes * releaseHours * hourly,
            });
        }

        var exclusions = MaintenanceExclusions.Plan(Naming.Label(ev.StackName, 50), warm, Duration.FromHours(48), GkeRecurringWindow.From(community.Cluster.MaintenanceWindow));
        var storm = LoginStorm.For(peakSeats, seatsPerNode, hub.Workshop is not null, poolSettings.SecondaryBootDiskImage is not null);
        var workshopPlan = hub.Workshop is not null ? HubPlan.From(hub, community with { UserPools = PoolsForWorkshop(community, poolSettings) }) : null;
        if (workshopPlan is not null)
            LoginStormValues.Apply(storm.AsSettings().With(hub.Storm), workshopPlan.Values);
        return new EventPlan(ev, hub, hub.Namespace, hub.HelmReleaseName, profile, pool, windows, peakSeats, peakNodes,
            windows.Sum(w => w.NodeHours), windows.Sum(w => w.Cost), capacity.Prices.Currency, capacity.Prices.AsOf,
            exclusions, workshopPlan)
        {
            Warm = warm,
            Scaler = new ScalerSpec(phases, ScalerSpec.DefaultIntervalSeconds, headroom, ArrivalSlots(seatsPerNode), ev.Stall,
                community.Capacity.Backend, hub.Workshop is not null ? AttendeeRule.AllServers : AttendeeRule.CreatedSinceWarmUp,
                Math.Max(1, seatsPerNode)),
            PreWarm = lead,
            ExpectedNodeHours = expectedHours,
            ExpectedCost = expectedHours * hourly,
            LocalCluster = community.Kind == StackKind.Local,
            ReleaseChannel = community.Cluster.ReleaseChannel,
            Storm = storm,
            PriceBasis = capacity.Prices.Basis,
        };
    }

    /// <summary>
    /// A warm window as phases: each covered window opens an arrival phase (from its start − lead, but not before
    /// the warm window) that lasts until its start + <paramref name="arrival"/> at the latest (earlier when arrivals
    /// stall: <see cref="WarmSeatPolicy.ArrivalsStalled"/>); the time between arrival phases and until the window
    /// cools is the release phase, capped at <paramref name="headroom"/> free seats.
    /// </summary>
    public static IReadOnlyList<ScalerPhase> PhasesOf(WarmWindow w, int seats, Duration lead, Duration arrival, int stallMinAttendees = 0)
    {
        var phases = new List<ScalerPhase>();
        var cursor = w.WarmFrom;
        foreach (var c in w.Covers)
        {
            var open = Instant.Max(cursor, c.StartInstant - lead);
            var close = Instant.Min(w.CoolAt, Instant.Max(open, c.StartInstant + arrival));
            if (open > cursor)
                phases.Add(new ScalerPhase(cursor, open, ScalerPhaseKind.Release, seats, w.WarmFrom, c.StartInstant, stallMinAttendees));
            if (close > open)
                phases.Add(new ScalerPhase(open, close, ScalerPhaseKind.Arrival, seats, w.WarmFrom, c.StartInstant, stallMinAttendees));
            cursor = Instant.Max(cursor, close);
        }
        if (w.CoolAt > cursor)
            phases.Add(new ScalerPhase(cursor, w.CoolAt, ScalerPhaseKind.Release, seats, w.WarmFrom, w.Covers[^1].StartInstant, stallMinAttendees));
        return phases;
    }

    /// <summary>
    /// Placeholders backend: the free seats kept on the busiest nodes while attendees arrive (one node's seats less
    /// one, so that the warm-up still asks the autoscaler for every planned node; 0 with one seat a node).
    /// </summary>
    public static int ArrivalSlots(int seatsPerNode) => Math.Max(0, seatsPerNode - 1);

    public static int Seats(int attendees, double peakFraction) => (int)Math.Ceiling(attendees * peakFraction - 1e-9);

    private static IReadOnlyList<NodePoolSettings> PoolsForWorkshop(CommunityStack community, NodePoolSettings eventPool) =>
        community.UserPools.Any(p => p.Name == eventPool.Name) ? community.UserPools : community.UserPools.Append(eventPool).ToList();
}
