using System.Net;
using System.Text.RegularExpressions;
using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Schedule;

namespace HubInfra.Core.Validation;

/// <summary>The semantic checks of a bound community (or local) stack: every problem at once, each naming its key.</summary>
public static partial class CommunityValidator
{
    private static readonly string[] ReleaseChannels = ["RAPID", "REGULAR", "STABLE", "EXTENDED", "UNSPECIFIED"];
    private static readonly string[] DiskTypes = ["pd-standard", "pd-balanced", "pd-ssd", "hyperdisk-balanced"];

    /// <param name="now">Decides which maintenance exclusions are past (warnings) and when minor-scope ones are created.</param>
    public static void Validate(CommunityStack stack, List<Problem> problems, NodaTime.Instant? now = null)
    {
        var local = stack.Kind == StackKind.Local;
        if (!local)
        {
            if (stack.Project.Length > 0 && !ProjectId().IsMatch(stack.Project))
                problems.Add(new Problem("hubinfra:project", $"'{stack.Project}' is not a GCP project id (6-30 lowercase letters, digits, '-', starting with a letter); use your project's id, e.g. my-project-123"));
            if (stack.Region.Length > 0 && !Region().IsMatch(stack.Region))
                problems.Add(new Problem("hubinfra:region", $"'{stack.Region}' is not a GCP region; use one such as us-central1"));
            CheckCluster(stack, problems);
            if (stack.Capacity.Prices.EstimatedFor is { } unpriced && stack.Capacity.Overrides is not { Families.Count: > 0 })
                problems.Add(new Problem("hubinfra:capacity.prices",
                    $"HubInfra has no built-in prices for {unpriced}: costs are {stack.Capacity.Prices.Basis}; give your region's rates under " +
                    "hubinfra:capacity.prices (families, gpus, asOf) to price it", Severity.Warning));
            GkeLimits.Check(stack, problems);
            CapacityBufferRules.Check(stack, problems);
            var window = Schedule.GkeRecurringWindow.From(stack.Cluster.MaintenanceWindow);
            CheckMaintenanceWindow(stack, window, problems);
            foreach (var breach in Schedule.GkeMaintenanceRules.Check(stack.Cluster.MaintenanceExclusions.Select(e => e.AsExclusion()).ToList(), now,
                         inReleaseChannel: stack.Cluster.ReleaseChannel != "UNSPECIFIED", window: window))
                problems.Add(new Problem($"hubinfra:cluster.maintenanceExclusions[{breach.Index}]", breach.Message,
                    breach.IsWarning ? Severity.Warning : Severity.Error));
            CheckPool(stack.CorePool, stack, problems);
        }

        foreach (var pool in stack.UserPools.Where(_ => !local))
            CheckPool(pool, stack, problems);
        foreach (var dup in stack.UserPools.Append(stack.CorePool).GroupBy(p => p.Name).Where(g => g.Count() > 1))
            problems.Add(new Problem(dup.Last().Key + ".name", $"node pool name '{dup.Key}' is used more than once; rename one so pool names are unique"));

        HubRules.CheckAll(stack.Hubs, stack, problems);

        if (stack.Budget is { } budget)
        {
            if (budget.Amount <= 0)
                problems.Add(new Problem("hubinfra:budget.amount", "must be more than 0 (the monthly budget in the billing account's currency); set a positive amount"));
            if (!BillingAccount().IsMatch(budget.BillingAccount) && budget.BillingAccount.Length > 0)
                problems.Add(new Problem("hubinfra:budget.billingAccount", $"'{budget.BillingAccount}' is not a billing account id; use the id Cloud Billing shows, like 012345-6789AB-CDEF01"));
            for (var i = 0; i < budget.Thresholds.Count; i++)
                if (budget.Thresholds[i] is <= 0 or > 2)
                    problems.Add(new Problem($"hubinfra:budget.thresholds[{i}]", "must be a fraction of the amount between 0 and 2; set e.g. 0.9"));
            for (var i = 0; i < budget.Emails.Count; i++)
                if (!Email().IsMatch(budget.Emails[i]))
                    problems.Add(new Problem($"hubinfra:budget.emails[{i}]", $"'{budget.Emails[i]}' is not an e-mail address; write one like admins@example.org"));
        }
    }

    private static void CheckCluster(CommunityStack stack, List<Problem> problems)
    {
        var c = stack.Cluster;
        if (!Naming.IsLabel(c.Name, Naming.ClusterNameMax))
            problems.Add(new Problem("hubinfra:cluster.name", $"'{c.Name}' {Naming.LabelRule(Naming.ClusterNameMax)}"));
        if (!ReleaseChannels.Contains(c.ReleaseChannel))
            problems.Add(new Problem("hubinfra:cluster.releaseChannel", $"'{c.ReleaseChannel}' is not a GKE release channel; use one of {string.Join(", ", ReleaseChannels)}"));
        else
            foreach (var choice in new[] { Kubernetes.UserSchedulerImage.For(c.ReleaseChannel), Kubernetes.KubectlImage.For(c.ReleaseChannel) })
                if (choice.Why is { } why)
                    problems.Add(new Problem("hubinfra:cluster.releaseChannel", $"{why}; use REGULAR or STABLE, whose clusters run minors one image serves", Severity.Warning));
        for (var i = 0; i < c.NodeLocations.Count; i++)
            if (!c.NodeLocations[i].StartsWith(stack.Region + "-", StringComparison.Ordinal))
                problems.Add(new Problem($"hubinfra:cluster.nodeLocations[{i}]", $"zone '{c.NodeLocations[i]}' is not in region {stack.Region}; use e.g. {stack.Region}-a"));
        if (!c.Regional && c.NodeLocations.Count == 0)
            problems.Add(new Problem("hubinfra:cluster.nodeLocations", "a zonal cluster (regional: false) needs its zone; set nodeLocations: [us-central1-a]"));
        if (c.PrivateNodes && !c.Network.Create)
            problems.Add(new Problem("hubinfra:cluster.network.create",
                $"private nodes on the existing network '{c.Network.Network}' reach the internet (images, GitHub OAuth, Let's Encrypt) only through a Cloud NAT: " +
                $"make sure a Cloud Router with Cloud NAT serves subnetwork '{c.Network.Subnetwork}' in {stack.Region}, or set network.create: true to let HubInfra create one",
                Severity.Warning));
        if (c.PrivateNodes && !IsCidr(c.MasterIpv4CidrBlock, 28))
            problems.Add(new Problem("hubinfra:cluster.masterIpv4CidrBlock", $"'{c.MasterIpv4CidrBlock}' must be a /28 CIDR for the control plane of private nodes; use e.g. 172.16.0.0/28"));
        for (var i = 0; i < c.MasterAuthorizedNetworks.Count; i++)
            if (!IsCidr(c.MasterAuthorizedNetworks[i].CidrBlock, null))
                problems.Add(new Problem($"hubinfra:cluster.masterAuthorizedNetworks[{i}].cidrBlock", $"'{c.MasterAuthorizedNetworks[i].CidrBlock}' is not a CIDR block; write one like 203.0.113.0/24"));
        foreach (var (key, value) in new[] { ("nodesCidr", c.Network.NodesCidr), ("podsCidr", c.Network.PodsCidr), ("servicesCidr", c.Network.ServicesCidr) })
            if (!IsCidr(value, null))
                problems.Add(new Problem($"hubinfra:cluster.network.{key}", $"'{value}' is not a CIDR block; write one like 10.10.0.0/20"));
        foreach (var (key, value) in new[] { ("name", c.Network.Network), ("subnetwork", c.Network.Subnetwork) })
            if (!Naming.IsLabel(value))
                problems.Add(new Problem($"hubinfra:cluster.network.{key}", $"'{value}' {Naming.LabelRule(63)}"));
        for (var i = 0; i < c.MaintenanceExclusions.Count; i++)
            if (!Naming.IsLabel(c.MaintenanceExclusions[i].Name))
                problems.Add(new Problem($"hubinfra:cluster.maintenanceExclusions[{i}].name", $"'{c.MaintenanceExclusions[i].Name}' {Naming.LabelRule(63)}"));
    }

    /// <summary>
    /// GKE's rules for the window itself (<see cref="Schedule.GkeMaintenanceRules"/>): openings of at least four hours,
    /// 48 hours of them in every 32 days; and a default window needs the region's time zone.
    /// </summary>
    private static void CheckMaintenanceWindow(CommunityStack stack, Schedule.GkeRecurringWindow window, List<Problem> problems)
    {
        const string key = "hubinfra:cluster.maintenanceWindow";
        var w = stack.Cluster.MaintenanceWindow;
        var rules = Schedule.GkeMaintenanceRules.ConceptDoc;
        if (w.FromRegion && stack.Region.Length > 0 && GkeRegions.Find(stack.Region) is null)
            problems.Add(new Problem(key, $"region {stack.Region} is not in HubInfra's list of GKE regions ({GkeRegions.Source}, {GkeRegions.AsOf}), so the default window " +
                "01:00–05:00 is in UTC; set maintenanceWindow.timeZone to the cluster's local zone, e.g. Europe/Berlin", Severity.Warning));
        if (w.Start == w.End)
            return;
        if (w.Length < Schedule.GkeMaintenanceRules.MinStretch)
        {
            problems.Add(new Problem(key + ".end", $"the window lasts {w.Length.TotalHours:0.##} hours, but GKE counts only stretches of {Schedule.GkeMaintenanceRules.MinStretch.Hours} hours or more ({rules}); " +
                $"set end at least {Schedule.GkeMaintenanceRules.MinStretch.Hours} hours after start"));
            return;
        }
        var hours = Schedule.GkeMaintenanceRules.WindowAvailability(window);
        if (hours < Schedule.GkeMaintenanceRules.MinAvailability)
            problems.Add(new Problem(key + ".days", $"the window ({window.UtcText}) gives {hours.TotalHours:0.##} hours of maintenance availability in the worst " +
                $"{Schedule.GkeMaintenanceRules.RollingPeriod.Days} days, but GKE requires at least {Schedule.GkeMaintenanceRules.MinAvailability.TotalHours} ({rules}); " +
                "add days or lengthen the window"));
    }

    private static void CheckPool(NodePoolSettings pool, CommunityStack stack, List<Problem> problems)
    {
        if (!Naming.IsLabel(pool.Name, Naming.NodePoolNameMax))
            problems.Add(new Problem(pool.Key + ".name", $"'{pool.Name}' {Naming.LabelRule(Naming.NodePoolNameMax)} " +
                $"(GKE allows {Naming.GkeNodePoolNameMax} characters in a node pool name and the provider adds a {Naming.ProviderUniqueSuffixLength}-character suffix to '{pool.Name}-')"));
        if (!MachineTypeCatalog.TryGet(pool.MachineType, out var machine))
        {
            problems.Add(new Problem(pool.Key + ".machineType", $"'{pool.MachineType}' is not a GCE machine type we know; use e.g. n2-highmem-4 or e2-standard-4 (families: {string.Join(", ", MachineTypeCatalog.KnownFamilies.Order(StringComparer.Ordinal))})"));
        }
        else if (PriceRules.Check(stack.Capacity.Prices, machine, pool.Gpu?.Type, pool.Gpu?.Count ?? 0, pool.Key) is { } unpriced)
            problems.Add(unpriced);
        if (pool.MinNodes < 0)
            problems.Add(new Problem(pool.Key + ".minNodeCount", "must be 0 or more; set 0 or more"));
        if (pool.MaxNodes < 1)
            problems.Add(new Problem(pool.Key + ".maxNodeCount", "must be at least 1; set 1 or more"));
        if (pool.MinNodes > pool.MaxNodes)
            problems.Add(new Problem(pool.Key + ".minNodeCount", $"autoscaling minimum {pool.MinNodes} is above the maximum {pool.MaxNodes}; lower minNodeCount or raise maxNodeCount"));
        if (pool.Purpose == NodePurpose.Core && pool.MinNodes < 1)
            problems.Add(new Problem(pool.Key + ".minNodeCount", "the core pool runs the hub and proxy: keep at least 1 node"));
        problems.AddRange(SecondaryBootDiskRules.Check(pool.SecondaryBootDiskImage, pool.ImageStreaming, pool.Key));
        if (!DiskTypes.Contains(pool.DiskType))
            problems.Add(new Problem(pool.Key + ".diskType", $"'{pool.DiskType}' is not a node disk type; use one of {string.Join(", ", DiskTypes)}"));
        if (pool.Gpu is not null && pool.Purpose == NodePurpose.Core)
            problems.Add(new Problem(pool.Key + ".gpu", "the core pool runs no user servers; put GPUs on a user pool"));
        problems.AddRange(AcceleratorRules.Check(pool.Gpu, machine, pool.Key));
        _ = stack;
    }

    public static bool IsCidr(string text, int? prefix)
    {
        var slash = text.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(text[..slash], out var ip) || ip.AddressFamily != System.Net.Sockets.AddressFamily.InterNetwork)
            return false;
        if (!int.TryParse(text[(slash + 1)..], out var bits) || bits is < 0 or > 32)
            return false;
        return prefix is null || bits == prefix;
    }

    [GeneratedRegex("^[a-z][a-z0-9-]{4,28}[a-z0-9]$")]
    private static partial Regex ProjectId();

    [GeneratedRegex("^[a-z]+-[a-z]+[0-9]+$")]
    private static partial Regex Region();

    [GeneratedRegex("^[0-9A-F]{6}-[0-9A-F]{6}-[0-9A-F]{6}$")]
    private static partial Regex BillingAccount();

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    internal static partial Regex Email();
}
