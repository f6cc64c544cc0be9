using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using HubInfra.Core.Capacity;
using HubInfra.Core.Model;
using HubInfra.Core.Planning.Document;
using HubInfra.Core.Schedule;
using HubInfra.Core.Values;
using NodaTime;
using NodaTime.Text;

using HubInfra.Core.Scaling;
using HubInfra.Core.Yaml;

namespace HubInfra.Core.Planning;

/// <summary>
/// Plans as typed documents (<see cref="EventPlanDocument"/>, <see cref="CommunityPlanDocument"/>), the one source
/// of plan.yaml, <c>plan --format json</c> and the event's stack outputs. Times are RFC 3339; money has two decimals.
/// </summary>
public static class PlanDocument
{
    /// <summary>camelCase keys (explicit names where z2jh's dotted keys are meant), readable characters (no <c>\u002B</c> for '+').</summary>
    public static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <param name="quota">What the peak needs of the region's quotas; by default the community's pools at their max alone.</param>
    public static CommunityPlanDocument Community(CommunityPlan plan, RegionalQuota? quota = null)
    {
        var s = plan.Stack;
        var doc = new CommunityPlanDocument(s.StackName, s.Kind.ToString().ToLowerInvariant())
        {
            Hubs = plan.Hubs.Select(Hub).ToList(),
            Budget = s.Budget is { } b ? new BudgetDocument(b.BillingAccount, Money(b.Amount), b.Currency, b.Thresholds, b.Emails) : null,
        };
        if (plan.Cluster is { } c)
        {
            return doc with
            {
                Project = s.Project,
                Cluster = new ClusterDocument(c.Name, c.Location, c.NodeLocations, c.ReleaseChannel, c.WorkloadPool, c.DatapathProvider, c.PrivateNodes,
                    c.MasterAuthorizedNetworks.Select(n => new AuthorizedNetworkDocument(n.CidrBlock, n.DisplayName)).ToList(),
                    new NetworkDocument(c.Network.Create, c.Network.Network, c.Network.Subnetwork, c.Network.NodesCidr, c.Network.PodsCidr, c.Network.ServicesCidr),
                    c.Nat is { } nat ? new CloudNatDocument(nat.RouterName, nat.NatName, nat.LogFilter) : null,
                    c.DeletionProtection,
                    new NodeServiceAccountDocument(c.NodeServiceAccountId, c.NodeServiceAccountRoles),
                    MaintenanceWindow(c),
                    c.MaintenanceExclusions.Select(e => Exclusion(e.AsExclusion()) with { Source = e.Source }).ToList(),
                    c.MaintenanceExclusionNotes),
                NodePools = plan.NodePools.Select(Pool).ToList(),
                Prices = Prices(s.Capacity.Prices, s.Budget),
                Quota = Quota(quota ?? RegionalQuota.Peak(s, [])),
            };
        }
        return s.Local is { } local ? doc with { KubernetesContext = local.Context } : doc;
    }

    /// <summary>The cluster's recurring maintenance window, as configured and as GKE receives it.</summary>
    public static MaintenanceWindowDocument MaintenanceWindow(ClusterPlan c)
    {
        var w = c.MaintenanceWindow;
        var r = c.RecurringWindow;
        return new MaintenanceWindowDocument(w.Zone.Id, GkeRecurringWindow.Hm(w.Start), GkeRecurringWindow.Hm(w.End),
            w.Days.Select(d => d.ToString()[..3]).ToList(), r.Recurrence, r.StartTime, r.EndTime, r.LocalTimes(w));
    }

    public static NodePoolDocument Pool(NodePoolPlan p) => new(
        p.Name, p.NamePrefix, p.Purpose.ToString().ToLowerInvariant(), p.MachineType,
        new AutoscalingDocument(p.MinNodes, p.MaxNodes), p.Spot, p.DiskSizeGb, p.DiskType, p.ImageStreaming,
        p.Gpu is { } g ? new GpuDocument(g.Type, g.Count, g.DriverVersion) : null,
        p.NodeLabels, p.Taints.Select(t => new TaintDocument(t.Key, t.Value, t.Effect)).ToList(),
        p.AllocatableCpu, p.AllocatableMemoryGiB, Rate(p.HourlyPrice), p.Protect)
    {
        SecondaryBootDisk = p.SecondaryBootDiskImage is { } image ? new SecondaryBootDiskDocument(image, NodePoolPlan.ContainerImageCacheMode) : null,
    };

    public static HubDocument Hub(HubPlan h) => new(
        h.Name, h.Namespace, h.Url,
        new HelmReleaseDocument(h.ReleaseName, h.Chart, h.ChartRepository, h.ChartVersion),
        h.StaticIpName, h.StorageClass, h.Protect,
        h.Seats.Select(s => new SeatsDocument(s.Profile, s.NodePool, s.MachineType, s.SeatsPerNode, s.MaxUsers)).ToList());

    /// <summary>Which prices the costs use, where they come from, and whether they are in the budget's currency.</summary>
    public static PricesDocument Prices(PriceTable prices, BudgetSettings? budget) =>
        new(prices.Basis, prices.Source, CurrencyNote(prices, budget));

    /// <summary>Said when the budget is in another currency than the prices: costs are never converted.</summary>
    public static string? CurrencyNote(PriceTable prices, BudgetSettings? budget) =>
        budget is not null && budget.Currency != prices.Currency
            ? $"costs are {prices.Basis}, not in the budget's {budget.Currency}; to estimate in {budget.Currency}, give hubinfra:capacity.prices with currency: {budget.Currency} and its rates"
            : null;

    public static QuotaDocument Quota(RegionalQuota q) =>
        new(q.Region, q.CpusByFamily, q.GpusByType, q.SsdGb, q.InUseAddresses, q.Events);

    /// <param name="quota">What the peak needs of the region's quotas (with overlapping events); left out when null.</param>
    public static EventPlanDocument Event(EventPlan plan, RegionalQuota? quota = null)
    {
        var ev = plan.Event;
        var pool = plan.Pool;
        return new EventPlanDocument(
            ev.StackName, "event", ev.CommunityStack, plan.Hub.Name, plan.Namespace,
            new ProfileDocument(plan.Profile.Name, plan.Profile.CpuGuarantee, plan.Profile.MemoryGuarantee.ToQuantity()),
            ev.Zone.Id, ev.Attendees, ev.PeakFraction, (int)plan.PreWarm.TotalMinutes, plan.PreWarmDerived, (int)ev.Grace.TotalMinutes,
            plan.Backend.Name(), Placement(plan.Backend),
            Tracking(plan), Release(plan),
            new PlaceholderPriorityDocument(plan.PlaceholderPriorityClass, EventManifests.PlaceholderPriority, "Never"),
            new AttendeeCountDocument(PlaceholderScaler.AttendeeSelector, plan.Scaler.Attendees.Name()),
            [new EventPoolDocument(pool.Name, pool.MachineType, pool.AllocatableCpu, pool.AllocatableMemoryGiB, pool.SeatsPerNode, pool.MaxNodes,
                Rate(pool.HourlyPrice), pool.Dedicated is not null,
                pool.Gpu is { } g ? new GpuDocument(g.Type, g.Count, g.DriverVersion) : null)],
            pool.SeatsPerNode, plan.PeakSeats, plan.PeakNodes, Hours(plan.NodeHours), Cost(plan),
            new ExpectedDocument(ev.NoShowFraction, Hours(plan.ExpectedNodeHours), Money(plan.ExpectedCost)),
            new PhaseTotalsDocument(
                new PhaseTotalDocument(Hours(plan.ArrivalNodeHours), Money(plan.ArrivalCost)),
                new PhaseTotalDocument(Hours(plan.ReleaseNodeHours), Money(plan.ReleaseCost))),
            Windows(plan),
            plan.Exclusions.Exclusions.Select(Exclusion).ToList(),
            plan.Exclusions.Notes,
            plan.Storm is { } storm ? LoginStorm(storm, plan.Hub.Workshop is not null) : null,
            plan.WorkshopHub is { } w ? Hub(w) : null)
        {
            Quota = quota is null ? null : Quota(quota),
        };
    }

    /// <summary>The event stack's outputs: its windows, seats, peak nodes, node-hours, policy and cost.</summary>
    public static EventOutputs Outputs(EventPlan plan) =>
        new(Windows(plan), plan.Pool.SeatsPerNode, plan.PeakNodes, Hours(plan.NodeHours), Tracking(plan), Release(plan), Cost(plan));

    private static CostDocument Cost(EventPlan plan) => new(Money(plan.Cost), plan.Currency, plan.PricesAsOf, plan.PriceBasis);

    private static ExclusionDocument Exclusion(MaintenanceExclusion e) => new(e.Name, Utc(e.Start), Utc(e.End), e.Scope.GkeName());

    /// <summary>The z2jh settings the event's storm needs, with their formulas; applied to a workshop hub, checked on a community hub.</summary>
    public static LoginStormDocument LoginStorm(LoginStorm s, bool applied) => new(
        applied, s.ArrivalsPerMinute, s.ConcurrentSpawnLimit, s.ActiveServerLimit, s.ConsecutiveFailureLimit, s.StartTimeoutSeconds,
        new RequestsDocument(s.HubCpu, s.HubMemory.ToQuantity()), new RequestsDocument(s.ProxyCpu, s.ProxyMemory.ToQuantity()), s.Formulas());

    public static IReadOnlyList<WindowDocument> Windows(EventPlan plan) =>
        plan.Windows.Select(w => Window(w, plan.Event.Zone)).ToList();

    public static WindowDocument Window(EventWindowPlan w, DateTimeZone zone) => new(
        w.Source,
        Local(w.Start), Local(w.End), Utc(w.Start.ToInstant()), Utc(w.End.ToInstant()),
        Local(w.WarmFrom.InZone(zone)), Utc(w.WarmFrom), Local(w.CoolAt.InZone(zone)), Utc(w.CoolAt),
        w.Attendees, w.Seats, w.Nodes, Hours(w.NodeHours), Money(w.Cost),
        new ArrivalPhaseDocument(Utc(w.WarmFrom), Utc(w.ReleaseAt), w.WarmSeats, w.Nodes, Hours(w.ArrivalNodeHours), Money(w.ArrivalCost)),
        new ReleasePhaseDocument(Utc(w.ReleaseAt), Utc(w.CoolAt), w.HeadroomSeats, w.HeadroomNodes, Hours(w.ReleaseNodeHours), Money(w.ReleaseCost)));

    /// <summary>How often the scaler follows arrivals.</summary>
    public static TrackingDocument Tracking(EventPlan plan) => new(plan.TrackingIntervalSeconds);

    /// <summary>When and to what the warm seats shrink after each start.</summary>
    public static ReleasePolicyDocument Release(EventPlan plan) => Release(plan.Scaler, plan.ReleaseAfterMinutes);

    /// <summary>The release policy of a scaler spec (<paramref name="afterMinutes"/>: the event's <c>arrivalMinutes</c>).</summary>
    public static ReleasePolicyDocument Release(ScalerSpec spec, int afterMinutes) => new(afterMinutes, spec.HeadroomSeats,
        new StallDocument(spec.Stall.Minutes, spec.Stall.MinShare), spec.Backend == CapacityBackend.Placeholders ? spec.ArrivalSlots : 0);

    /// <summary>Who decides where attendees land: <c>packed</c> (the scaler keeps free seats where attendees already are) or
    /// <c>scheduler</c> (a CapacityBuffer's free capacity, placed by the user scheduler's MostAllocated scoring).</summary>
    public static string Placement(CapacityBackend backend) => backend == CapacityBackend.Placeholders ? "packed" : "scheduler";

    /// <summary>Money as printed everywhere: rounded once, to two decimals (<c>398.10</c>, not <c>398.1</c>).</summary>
    public static decimal Money(double amount) => decimal.Round((decimal)amount, 2, MidpointRounding.AwayFromZero) + 0.00m;

    /// <summary>An hourly price: four decimals, so a cheap node's rate (0.0971) is not shown as 0.10.</summary>
    public static decimal Rate(double hourly) => decimal.Round((decimal)hourly, 4, MidpointRounding.AwayFromZero);

    /// <summary>Node-hours, rounded once to two decimals.</summary>
    public static double Hours(double nodeHours) => Math.Round(nodeHours, 2, MidpointRounding.AwayFromZero);

    /// <summary>An instant in RFC 3339 UTC: <c>2027-07-05T06:30:00Z</c>.</summary>
    public static string Utc(Instant i) => InstantPattern.General.Format(i);

    private static readonly OffsetDateTimePattern Rfc3339 =
        OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");

    /// <summary>A local time in RFC 3339 with its offset as <c>+hh:mm</c> (<c>2027-07-05T09:00:00+02:00</c>), never <c>+02</c>.</summary>
    public static string Local(ZonedDateTime z) => Rfc3339.Format(z.ToOffsetDateTime());

    /// <summary>The document as JSON (<c>plan --format json</c>).</summary>
    public static string Json<T>(T document) => JsonSerializer.Serialize(document, JsonOptions);

    /// <summary>The document as YAML (plan.yaml): the same keys and values as its JSON.</summary>
    public static string Yaml<T>(T document) => ValuesYaml.Serialize(Tree(document, exactDecimals: true));

    /// <summary>
    /// The document as plain dictionaries, lists and numbers (int where whole, double otherwise), as Pulumi stack
    /// outputs take them.
    /// </summary>
    public static Dictionary<string, object?> Tree<T>(T document) => (Dictionary<string, object?>)Tree(document, exactDecimals: false)!;

    private static object? Tree<T>(T document, bool exactDecimals) =>
        FromElement(JsonSerializer.SerializeToElement(document, JsonOptions), exactDecimals);

    private static object? FromElement(JsonElement e, bool exactDecimals) => e.ValueKind switch
    {
        JsonValueKind.Object => e.EnumerateObject().ToDictionary(p => p.Name, p => FromElement(p.Value, exactDecimals), StringComparer.Ordinal),
        JsonValueKind.Array => e.EnumerateArray().Select(v => FromElement(v, exactDecimals)).ToList(),
        _ => Scalar(e, exactDecimals),
    };

    private static object? Scalar(JsonElement e, bool exactDecimals) => e.ValueKind switch
    {
        JsonValueKind.String => e.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        JsonValueKind.Number when e.TryGetInt32(out var i) => i,
        JsonValueKind.Number when e.TryGetInt64(out var l) => l,
        JsonValueKind.Number when exactDecimals && e.TryGetDecimal(out var d) => d,
        JsonValueKind.Number => e.GetDouble(),
        _ => e.GetRawText(),
    };
}
