using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Binding;

/// <summary>Binds the config of a community (or local) stack to <see cref="CommunityStack"/>, collecting every problem.</summary>
public static class CommunityBinder
{
    public static CommunityStack Bind(RawConfig raw, List<Problem> problems)
    {
        var r = ConfigReader.ForStack(raw, problems);
        var kind = StackKindOf(r);
        var local = kind == StackKind.Local;

        var project = Blank(r.String("project")) ?? raw.Foreign.GetValueOrDefault("gcp:project");
        if (project is null && !local)
            r.Error("project", "is required: set the GCP project id, e.g. pulumi config set hubinfra:project my-project (or gcp:project)");
        var region = Blank(r.String("region")) ?? raw.Foreign.GetValueOrDefault("gcp:region");
        if (region is null && !local)
            r.Error("region", "is required: set the GCP region, e.g. pulumi config set hubinfra:region us-central1 (or gcp:region)");

        var cluster = BindCluster(r.Object("cluster"), raw.StackName, local, region ?? "");
        var pools = r.Object("nodePools", required: !local, example: "nodePools: { user: [ { name: user, machineType: n2-highmem-4 } ] }");
        var core = BindPool(pools?.Object("core"), "core", NodePurpose.Core, pools?.KeyOf("core") ?? "hubinfra:nodePools.core");
        var userPools = new List<NodePoolSettings>();
        if (pools is not null)
        {
            foreach (var p in pools.Objects("user", required: !local, example: "user: [ { name: user, machineType: n2-highmem-4, maxNodeCount: 10 } ]"))
                userPools.Add(BindPool(p, null, NodePurpose.User, p.Path));
            pools.RejectUnknown();
        }
        if (local && userPools.Count == 0)
            userPools.Add(new NodePoolSettings("user", NodePurpose.User, "e2-standard-4", 0, 1, false, 100, "pd-balanced", false, null, "hubinfra:nodePools.user"));

        var hubs = r.Objects("hubs", required: true, example: "hubs: [ { name: main, domain: hub.example.org, ... } ]")
            .Select(h =>
            {
                var hub = HubBinder.Bind(h, userPools, kind);
                h.RejectUnknown();
                return hub;
            })
            .ToList();

        var budget = BindBudget(r.Object("budget"));
        var capacity = CapacityBinder.Bind(r.Object("capacity")).InRegion(region ?? "");
        LocalSettings? localSettings = null;
        var localReader = r.Object("local", required: local, example: "local: { context: kind-hubinfra }");
        if (localReader is not null)
        {
            localSettings = new LocalSettings(localReader.String("context", required: true, example: "context: kind-hubinfra") ?? "", localReader.Text("storageClass", "standard"));
            localReader.RejectUnknown();
        }

        r.RejectUnknown();
        return new CommunityStack(raw.StackName, kind, project ?? "", region ?? "", cluster, core, userPools, hubs, budget, capacity, localSettings);
    }

    /// <summary>Pulumi.yaml declares project and region with an empty default; empty means not set.</summary>
    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;

    public static StackKind StackKindOf(ConfigReader r)
    {
        var text = r.Text(ConfigKey.Kind, "community");
        switch (text)
        {
            case "community": return StackKind.Community;
            case "event": return StackKind.Event;
            case "local": return StackKind.Local;
            default:
                r.Error(ConfigKey.Kind, $"'{text}' is not a stack kind; use community, event or local");
                return StackKind.Community;
        }
    }

    private static ClusterSettings BindCluster(ConfigReader? c, string stackName, bool local, string region)
    {
        var defaultName = Naming.Label($"hub-{stackName}", 40);
        if (c is null)
            return new ClusterSettings(defaultName, true, [], "REGULAR", false, "172.16.0.0/28", [], DefaultNetwork(defaultName), !local, [])
            {
                MaintenanceWindow = ClusterMaintenanceWindow.DefaultFor(region),
            };

        var name = c.Text("name", defaultName);
        var regional = c.Bool("regional", true);
        var locations = c.Strings("nodeLocations");
        var channel = c.Text("releaseChannel", "REGULAR");
        var privateNodes = c.Bool("privateNodes", false);
        var masterCidr = c.Text("masterIpv4CidrBlock", "172.16.0.0/28");
        var authorized = c.Objects("masterAuthorizedNetworks")
            .Select(a =>
            {
                var n = new AuthorizedNetwork(a.String("cidrBlock", required: true, example: "cidrBlock: 203.0.113.0/24") ?? "", a.Text("displayName", ""));
                a.RejectUnknown();
                return n;
            })
            .ToList();

        var network = DefaultNetwork(name);
        var net = c.Object("network");
        if (net is not null)
        {
            network = new NetworkSettings(
                net.Bool("create", true),
                net.Text("name", network.Network),
                net.Text("subnetwork", network.Subnetwork),
                net.Text("nodesCidr", network.NodesCidr),
                net.Text("podsCidr", network.PodsCidr),
                net.Text("servicesCidr", network.ServicesCidr));
            net.RejectUnknown();
        }

        var protection = c.Bool("deletionProtection", true);
        var exclusions = new List<MaintenanceExclusionSettings>();
        foreach (var e in c.Objects("maintenanceExclusions"))
        {
            var exName = e.String("name", required: true, example: "name: summer-school-2027") ?? "";
            var start = ParseInstant(e, "start");
            var end = ParseInstant(e, "end");
            var scopeText = e.String("scope") ?? "NO_UPGRADES";
            if (!Schedule.ExclusionScopes.TryParse(scopeText, out var scope))
                e.Error("scope", $"'{scopeText}' is not a GKE exclusion scope; use one of {string.Join(", ", Schedule.ExclusionScopes.Names)}");
            e.RejectUnknown();
            if (start is { } s && end is { } en)
            {
                if (en <= s) e.Error("end", "must be after start; set an end later than the start");
                exclusions.Add(new MaintenanceExclusionSettings(exName, s, en, scope));
            }
        }
        var window = BindMaintenanceWindow(c.Object("maintenanceWindow", example: "maintenanceWindow: { timeZone: Australia/Sydney, start: \"01:00\", end: \"05:00\" }"), region);
        c.RejectUnknown();
        return new ClusterSettings(name, regional, locations, channel, privateNodes, masterCidr, authorized, network, protection, exclusions)
        {
            MaintenanceWindow = window,
        };
    }

    /// <summary>
    /// <c>maintenanceWindow: {timeZone, start, end, days}</c>: each left out takes the default (the region's zone,
    /// 01:00, 05:00, every day).
    /// </summary>
    private static ClusterMaintenanceWindow BindMaintenanceWindow(ConfigReader? w, string region)
    {
        var fallback = ClusterMaintenanceWindow.DefaultFor(region);
        if (w is null) return fallback;
        var zone = fallback.Zone;
        var zoneId = w.String("timeZone");
        if (zoneId is not null)
        {
            if (DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) is { } z) zone = z;
            else w.Error("timeZone", $"'{zoneId}' is not an IANA time zone; write e.g. Europe/Berlin or Australia/Sydney");
        }
        var start = w.Has("start") ? EventBinder.ParseTime(w, "start") ?? fallback.Start : fallback.Start;
        var end = w.Has("end") ? EventBinder.ParseTime(w, "end") ?? fallback.End : fallback.End;
        var days = w.Has("days") ? EventBinder.ParseDays(w) : ClusterMaintenanceWindow.EveryDay;
        w.RejectUnknown();
        if (start == end)
            w.Error("end", "is the same time as start; set an end at least 4 hours after start (GKE counts only stretches of 4 hours or more)");
        if (w.Has("days") && days.Count == 0)
            w.Error("days", "lists no day; list the days the window opens, e.g. [Sat, Sun], or leave days out for every day");
        return new ClusterMaintenanceWindow(zone, start, end, days.Count == 0 ? ClusterMaintenanceWindow.EveryDay : days.Distinct().ToList(), FromRegion: zoneId is null);
    }

    private static NodaTime.Instant? ParseInstant(ConfigReader r, string key)
    {
        var text = r.String(key, required: true, example: $"{key}: 2027-07-06T00:00:00Z");
        if (text is null) return null;
        var parsed = InstantPattern.ExtendedIso.Parse(text);
        if (parsed.Success) return parsed.Value;
        var offset = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (offset.Success) return offset.Value.ToInstant();
        r.Error(key, $"'{text}' is not a UTC timestamp; write e.g. 2027-07-06T00:00:00Z");
        return null;
    }

    private static NetworkSettings DefaultNetwork(string cluster) =>
        new(true, $"{cluster}-net", $"{cluster}-nodes", "10.10.0.0/20", "10.20.0.0/14", "10.24.0.0/20");

    public static NodePoolSettings BindPool(ConfigReader? p, string? fixedName, NodePurpose purpose, string key)
    {
        var core = purpose == NodePurpose.Core;
        if (p is null)
            return new NodePoolSettings(fixedName ?? "user", purpose, core ? "n2-standard-2" : "n2-highmem-4", core ? 1 : 0, core ? 3 : 10, false, core ? 50 : 100, "pd-balanced", !core, null, key);

        var name = fixedName is null ? p.String("name", required: true, example: "name: user") ?? "" : p.Text("name", fixedName);
        var machine = core ? p.Text("machineType", "n2-standard-2") : p.String("machineType", required: true, example: "machineType: n2-highmem-4") ?? "";
        var min = p.IntIn("minNodeCount", core ? 1 : 0, 0, ConfigLimits.NodesPerPool, ConfigLimits.NodesWhy);
        var max = p.IntIn("maxNodeCount", core ? 3 : 10, 1, ConfigLimits.NodesPerPool, ConfigLimits.NodesWhy);
        var spot = p.Bool("spot", false);
        var disk = p.IntIn("diskSizeGb", core ? 50 : 100, ConfigLimits.DiskGbMin, ConfigLimits.DiskGbMax, ConfigLimits.DiskWhy);
        var diskType = p.Text("diskType", "pd-balanced");
        var streaming = p.Bool("imageStreaming", !core);
        var gpu = BindGpu(p);
        var bootDisk = SecondaryBootDisk(p);
        p.RejectUnknown();
        return new NodePoolSettings(name, purpose, machine, min, max, spot, disk, diskType, streaming, gpu, p.Path) { SecondaryBootDiskImage = bootDisk };
    }

    /// <summary><c>gpu: {type, count, driverVersion}</c> of a pool (user, core or an event's own), or null.</summary>
    public static GpuSettings? BindGpu(ConfigReader pool)
    {
        var g = pool.Object("gpu");
        if (g is null) return null;
        var gpu = new GpuSettings(g.String("type", required: true, example: "type: nvidia-tesla-t4") ?? "", g.IntIn("count", 1, 1, ConfigLimits.GpusPerNode, " GPUs per node (the most on one GCE machine)"), g.Text("driverVersion", "DEFAULT"));
        g.RejectUnknown();
        return gpu;
    }

    /// <summary><c>secondaryBootDisk: {diskImage}</c> of a pool (user, core or an event's own), or null.</summary>
    public static string? SecondaryBootDisk(ConfigReader pool)
    {
        var d = pool.Object("secondaryBootDisk");
        if (d is null) return null;
        var image = d.String("diskImage", required: true, example: "diskImage: global/images/hub-images-2027-07");
        d.RejectUnknown();
        return image;
    }

    private static BudgetSettings? BindBudget(ConfigReader? b)
    {
        if (b is null) return null;
        var account = b.String("billingAccount", required: true, example: "billingAccount: 012345-6789AB-CDEF01") ?? "";
        var amount = b.BoundedDouble("amount", 0, ConfigLimits.BudgetAmountMax, " (the monthly budget in the billing account's currency)", minExclusive: true, required: true, example: "500") ?? 1;
        var currency = b.Text("currency", "USD");
        var thresholds = b.Doubles("thresholds", [0.5, 0.9, 1.0]);
        var emails = b.Strings("emails");
        b.RejectUnknown();
        if (emails.Count == 0)
            b.Error("emails", "a budget needs at least one e-mail address to alert; add e.g. emails: [admins@example.org]");
        return new BudgetSettings(account, amount, currency, thresholds, emails);
    }
}
