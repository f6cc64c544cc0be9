using HubInfra.Core.Model;
using HubInfra.Core.Schedule;
using HubInfra.Core.Values;
using NodaTime;
using NodaTime.Text;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Planning;

/// <summary>Plans as plain trees, for plan.yaml, <c>plan --format json</c> and stack outputs.</summary>
public static class PlanDocument
{
    /// <param name="quota">What the peak needs of the region's quotas; by default the community's pools at their max alone.</param>
    public static Dictionary<string, object?> Community(CommunityPlan plan, Capacity.RegionalQuota? quota = null)
    {
        var s = plan.Stack;
        var doc = Map(("stack", s.StackName), ("kind", s.Kind.ToString().ToLowerInvariant()));
        if (plan.Cluster is { } c)
        {
            doc["project"] = s.Project;
            doc["cluster"] = Map(
                ("name", c.Name),
                ("location", c.Location),
                ("nodeLocations", c.NodeLocations.ToList()),
                ("releaseChannel", c.ReleaseChannel),
                ("workloadPool", c.WorkloadPool),
                ("datapathProvider", c.DatapathProvider),
                ("privateNodes", c.PrivateNodes),
                ("masterAuthorizedNetworks", c.MasterAuthorizedNetworks.Select(n => (object?)Map(("cidrBlock", n.CidrBlock), ("displayName", n.DisplayName))).ToList()),
                ("network", Map(("create", c.Network.Create), ("name", c.Network.Network), ("subnetwork", c.Network.Subnetwork),
                    ("nodesCidr", c.Network.NodesCidr), ("podsCidr", c.Network.PodsCidr), ("servicesCidr", c.Network.ServicesCidr))),
                ("cloudNat", c.Nat is { } nat ? Map(("router", nat.RouterName), ("nat", nat.NatName), ("logFilter", nat.LogFilter)) : null),
                ("deletionProtection", c.DeletionProtection),
                ("nodeServiceAccount", Map(("accountId", c.NodeServiceAccountId), ("roles", c.NodeServiceAccountRoles.ToList()))),
                ("maintenanceWindow", MaintenanceWindow(c)),
                ("maintenanceExclusions", c.MaintenanceExclusions.Select(e => (object?)Map(("name", e.Name), ("start", Utc(e.Start)), ("end", Utc(e.End)), ("scope", e.Scope.GkeName()))).ToList()));
            doc["nodePools"] = plan.NodePools.Select(p => (object?)Pool(p)).ToList();
            doc["prices"] = Prices(s.Capacity.Prices, s.Budget);
            doc["quota"] = (quota ?? Capacity.RegionalQuota.Peak(s, [])).ToDocument();
        }
        else if (s.Local is { } local)
        {
            doc["kubernetesContext"] = local.Context;
        }
        doc["hubs"] = plan.Hubs.Select(h => (object?)Hub(h)).ToList();
        if (s.Budget is { } b)
            doc["budget"] = Map(("billingAccount", b.BillingAccount), ("amount", b.Amount), ("currency", b.Currency), ("thresholds", b.Thresholds.Cast<object?>().ToList()), ("emails", b.Emails.ToList()));
        return doc;
    }

    /// <summary>
    /// <c>"maintenanceWindow": {"timeZone", "localStart", "localEnd", "days", "recurrenceUtc", "startTimeUtc", "endTimeUtc", "local"}</c>:
    /// the window as configured and as GKE receives it (a UTC RRULE; <c>local</c> says where daylight saving time moves it).
    /// </summary>
    public static Dictionary<string, object?> MaintenanceWindow(ClusterPlan c)
    {
        var w = c.MaintenanceWindow;
        var r = c.RecurringWindow;
        return Map(
            ("timeZone", w.Zone.Id),
            ("localStart", GkeRecurringWindow.Hm(w.Start)),
            ("localEnd", GkeRecurringWindow.Hm(w.End)),
            ("days", w.Days.Select(d => (object?)d.ToString()[..3]).ToList()),
            ("recurrenceUtc", r.Recurrence),
            ("startTimeUtc", r.StartTime),
            ("endTimeUtc", r.EndTime),
            ("local", r.LocalTimes(w)));
    }

    public static Dictionary<string, object?> Pool(NodePoolPlan p)
    {
        var doc = PoolFields(p);
        if (p.SecondaryBootDiskImage is { } image)
            doc["secondaryBootDisk"] = Map(("diskImage", image), ("mode", NodePoolPlan.ContainerImageCacheMode));
        return doc;
    }

    private static Dictionary<string, object?> PoolFields(NodePoolPlan p) => Map(
        ("name", p.Name),
        ("namePrefix", p.NamePrefix),
        ("purpose", p.Purpose.ToString().ToLowerInvariant()),
        ("machineType", p.MachineType),
        ("autoscaling", Map(("totalMinNodeCount", p.MinNodes), ("totalMaxNodeCount", p.MaxNodes))),
        ("spot", p.Spot),
        ("diskSizeGb", p.DiskSizeGb),
        ("diskType", p.DiskType),
        ("imageStreaming", p.ImageStreaming),
        ("gpu", p.Gpu is { } g ? Map(("type", g.Type), ("count", g.Count), ("driverVersion", g.DriverVersion)) : null),
        ("labels", p.NodeLabels.ToDictionary(kv => kv.Key, kv => (object?)kv.Value)),
        ("taints", p.Taints.Select(t => (object?)Map(("key", t.Key), ("value", t.Value), ("effect", t.Effect))).ToList()),
        ("allocatableCpu", p.AllocatableCpu),
        ("allocatableMemoryGiB", p.AllocatableMemoryGiB),
        ("hourlyPrice", p.HourlyPrice),
        ("protect", p.Protect));

    public static Dictionary<string, object?> Hub(HubPlan h) => Map(
        ("name", h.Name),
        ("namespace", h.Namespace),
        ("url", h.Url),
        ("release", Map(("name", h.ReleaseName), ("chart", h.Chart), ("repository", h.ChartRepository), ("version", h.ChartVersion))),
        ("staticIp", h.StaticIpName),
        ("storageClass", h.StorageClass),
        ("protect", h.Protect),
        ("seats", h.Seats.Select(s => (object?)Map(("profile", s.Profile), ("nodePool", s.NodePool), ("machineType", s.MachineType), ("seatsPerNode", s.SeatsPerNode), ("maxUsers", s.MaxUsers))).ToList()));

    /// <summary>Which prices the costs use, where they come from, and whether they are in the budget's currency.</summary>
    public static Dictionary<string, object?> Prices(Capacity.PriceTable prices, BudgetSettings? budget) => Map(
        ("basis", prices.Basis),
        ("source", prices.Source),
        ("note", CurrencyNote(prices, budget)));

    /// <summary>Said when the budget is in another currency than the prices: costs are never converted.</summary>
    public static string? CurrencyNote(Capacity.PriceTable prices, BudgetSettings? budget) =>
        budget is not null && budget.Currency != prices.Currency
            ? $"costs are {prices.Basis}, not in the budget's {budget.Currency}; to estimate in {budget.Currency}, give hubinfra:capacity.prices with currency: {budget.Currency} and its rates"
            : null;

    /// <param name="quota">What the peak needs of the region's quotas (with overlapping events); left out when null.</param>
    public static Dictionary<string, object?> Event(EventPlan plan, Capacity.RegionalQuota? quota = null)
    {
        var ev = plan.Event;
        var doc = Map(
            ("stack", ev.StackName),
            ("kind", "event"),
            ("community", ev.CommunityStack),
            ("hub", plan.Hub.Name),
            ("namespace", plan.Namespace),
            ("profile", Map(("name", plan.Profile.Name), ("cpuGuarantee", plan.Profile.CpuGuarantee), ("memoryGuarantee", plan.Profile.MemoryGuarantee.ToQuantity()))),
            ("timeZone", ev.Zone.Id),
            ("attendees", ev.Attendees),
            ("peakFraction", ev.PeakFraction),
            ("preWarmMinutes", (int)plan.PreWarm.TotalMinutes),
            ("graceMinutes", (int)ev.Grace.TotalMinutes),
            ("tracking", Tracking(plan)),
            ("release", Release(plan)),
            ("placeholderPriority", Map(("priorityClass", plan.PlaceholderPriorityClass), ("value", EventManifests.PlaceholderPriority), ("preemptionPolicy", "Never"))),
            ("attendeeCount", Map(
                ("selector", PlaceholderScaler.AttendeeSelector),
                ("rule", Scaling.AttendeeRules.Name(plan.Scaler.Attendees)))),
            ("nodePools", new List<object?>
            {
                Map(("name", plan.Pool.Pool), ("machineType", plan.Pool.MachineType), ("allocatableCpu", plan.Pool.AllocatableCpu),
                    ("allocatableMemoryGiB", plan.Pool.AllocatableMemoryGiB), ("seatsPerNode", plan.Pool.SeatsPerNode), ("maxNodes", plan.Pool.MaxNodes),
                    ("hourlyPrice", plan.Pool.HourlyPrice), ("dedicated", plan.Pool.Dedicated is not null),
                    ("gpu", plan.Pool.Gpu is { } g ? Map(("type", g.Type), ("count", g.Count)) : null)),
            }),
            ("seatsPerNode", plan.Pool.SeatsPerNode),
            ("peakSeats", plan.PeakSeats),
            ("peakNodes", plan.PeakNodes),
            ("nodeHours", plan.NodeHours),
            ("estimatedCost", Map(("amount", plan.Cost), ("currency", plan.Currency), ("pricesAsOf", plan.PricesAsOf), ("basis", plan.PriceBasis))),
            ("phases", Map(
                ("arrival", Map(("nodeHours", plan.ArrivalNodeHours), ("cost", plan.ArrivalCost))),
                ("release", Map(("nodeHours", plan.ReleaseNodeHours), ("cost", plan.ReleaseCost))))),
            ("windows", plan.Windows.Select(w => (object?)Window(w, ev.Zone)).ToList()),
            ("maintenanceExclusions", plan.Exclusions.Exclusions.Select(e => (object?)Map(("name", e.Name), ("start", Utc(e.Start)), ("end", Utc(e.End)), ("scope", e.Scope.GkeName()))).ToList()),
            ("notes", plan.Exclusions.Notes.ToList()),
            ("loginStorm", plan.Storm is { } storm ? LoginStorm(storm, plan.Hub.Workshop is not null) : null),
            ("workshopHub", plan.WorkshopHub is { } w ? Hub(w) : null));
        if (quota is not null)
            doc["quota"] = quota.ToDocument();
        return doc;
    }

    /// <summary>The z2jh settings the event's storm needs, with their formulas; applied to a workshop hub, checked on a community hub.</summary>
    public static Dictionary<string, object?> LoginStorm(LoginStorm s, bool applied) => Map(
        ("appliedToHub", applied),
        ("arrivalsPerMinute", s.ArrivalsPerMinute),
        ("hub.concurrentSpawnLimit", s.ConcurrentSpawnLimit),
        ("hub.activeServerLimit", s.ActiveServerLimit),
        ("hub.consecutiveFailureLimit", s.ConsecutiveFailureLimit),
        ("singleuser.startTimeout", s.StartTimeoutSeconds),
        ("hub.resources.requests", Map(("cpu", s.HubCpu), ("memory", s.HubMemory.ToQuantity()))),
        ("proxy.chp.resources.requests", Map(("cpu", s.ProxyCpu), ("memory", s.ProxyMemory.ToQuantity()))),
        ("formulas", s.Formulas().ToList()));

    public static Dictionary<string, object?> Window(EventWindowPlan w, DateTimeZone zone) => Map(
        ("source", w.Source),
        ("start", Local(w.Start)),
        ("end", Local(w.End)),
        ("startUtc", Utc(w.Start.ToInstant())),
        ("endUtc", Utc(w.End.ToInstant())),
        ("warmFrom", Local(w.WarmFrom.InZone(zone))),
        ("warmFromUtc", Utc(w.WarmFrom)),
        ("coolAt", Local(w.CoolAt.InZone(zone))),
        ("coolAtUtc", Utc(w.CoolAt)),
        ("attendees", w.Attendees),
        ("seats", w.Seats),
        ("nodes", w.Nodes),
        ("nodeHours", w.NodeHours),
        ("cost", w.Cost),
        ("arrival", Map(("from", Utc(w.WarmFrom)), ("until", Utc(w.ReleaseAt)), ("seats", w.WarmSeats), ("nodes", w.Nodes),
            ("nodeHours", w.ArrivalNodeHours), ("cost", w.ArrivalCost))),
        ("release", Map(("from", Utc(w.ReleaseAt)), ("until", Utc(w.CoolAt)), ("headroomSeats", w.LateSeats), ("headroomNodes", w.LateNodes),
            ("nodeHours", w.ReleaseNodeHours), ("cost", w.ReleaseCost))));

    /// <summary><c>"tracking": {"intervalSeconds": N}</c>: how often the scaler follows arrivals.</summary>
    public static Dictionary<string, object?> Tracking(EventPlan plan) => Map(("intervalSeconds", plan.TrackingIntervalSeconds));

    /// <summary><c>"release": {"afterMinutes": M, "headroomSeats": K}</c>: when and to what the warm headroom shrinks.</summary>
    public static Dictionary<string, object?> Release(EventPlan plan) =>
        Map(("afterMinutes", plan.ReleaseAfterMinutes), ("headroomSeats", plan.ReleaseHeadroomSeats));

    public static string Utc(Instant i) => InstantPattern.General.Format(i);

    public static string Local(ZonedDateTime z) =>
        OffsetDateTimePattern.ExtendedIso.Format(z.ToOffsetDateTime());
}
