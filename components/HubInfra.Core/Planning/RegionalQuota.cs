using System.Globalization;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Capacity;

namespace HubInfra.Core.Planning;

/// <summary>
/// What the peak needs of a project's regional Compute Engine quotas: the community's pools at their maximum plus the
/// dedicated pools of the events that are warm at the same time (at their maximum too).
/// </summary>
/// <remarks>
/// Compute Engine quotas (https://cloud.google.com/compute/resource-usage): vCPUs count per series for the series with
/// their own quota (N2_CPUS, N2D_CPUS, C3_CPUS, A2_CPUS, G2_CPUS) and under the regional CPUS quota for the others (here
/// E2 and N1); GPUs per type (NVIDIA_T4_GPUS, …); pd-balanced and pd-ssd boot disks count under SSD_TOTAL_GB; every node
/// with an external IPv4 address (nodes that are not private) takes one IN_USE_ADDRESSES. Spot VMs count under the same
/// quotas unless the project has PREEMPTIBLE_* quotas, which this does not model.
/// </remarks>
public sealed record RegionalQuota(
    string Region,
    IReadOnlyDictionary<string, long> CpusByFamily,
    IReadOnlyDictionary<string, long> GpusByType,
    long SsdGb,
    long InUseAddresses,
    IReadOnlyList<string> Events)
{
    /// <summary>The series Compute Engine counts under the regional <c>CPUS</c> quota (config key <c>cpus</c>).</summary>
    public static readonly IReadOnlySet<string> GeneralCpuFamilies = new HashSet<string>(StringComparer.Ordinal) { "e2", "n1" };

    public const string GeneralCpusKey = "cpus";

    private static readonly string[] SsdDiskTypes = ["pd-ssd", "pd-balanced"];

    /// <summary>One pool's demand at <paramref name="nodes"/> nodes.</summary>
    private sealed class Demand
    {
        public Dictionary<string, long> Cpus { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, long> Gpus { get; } = new(StringComparer.Ordinal);
        public long SsdGb { get; set; }
        public long Addresses { get; set; }

        public void Add(string machineType, string diskType, int diskSizeGb, GpuSettings? gpu, bool publicNodes, long nodes)
        {
            if (nodes <= 0 || !MachineTypeCatalog.TryGet(machineType, out var machine)) return;
            Cpus[machine.Family] = Cpus.GetValueOrDefault(machine.Family) + machine.VCpus * nodes;
            if (machine.BundledGpuType is { } bundled)
                Gpus[bundled] = Gpus.GetValueOrDefault(bundled) + machine.BundledGpuCount * nodes;
            else if (gpu is not null)
                Gpus[gpu.Type] = Gpus.GetValueOrDefault(gpu.Type) + gpu.Count * nodes;
            if (SsdDiskTypes.Contains(diskType))
                SsdGb += diskSizeGb * nodes;
            if (publicNodes)
                Addresses += nodes;
        }

        public void Max(Demand other)
        {
            foreach (var (k, v) in other.Cpus) Cpus[k] = Math.Max(Cpus.GetValueOrDefault(k), v);
            foreach (var (k, v) in other.Gpus) Gpus[k] = Math.Max(Gpus.GetValueOrDefault(k), v);
            SsdGb = Math.Max(SsdGb, other.SsdGb);
            Addresses = Math.Max(Addresses, other.Addresses);
        }

        public Demand Copy()
        {
            var d = new Demand { SsdGb = SsdGb, Addresses = Addresses };
            foreach (var (k, v) in Cpus) d.Cpus[k] = v;
            foreach (var (k, v) in Gpus) d.Gpus[k] = v;
            return d;
        }
    }

    /// <summary>The peak of the community's pools at their max plus each moment's warm dedicated event pools.</summary>
    public static RegionalQuota Peak(CommunityStack community, IReadOnlyList<EventPlan> events)
    {
        var publicNodes = community.Kind != StackKind.Local && !community.Cluster.PrivateNodes;
        var baseline = new Demand();
        if (community.Kind != StackKind.Local)
            foreach (var pool in community.AllPools)
                baseline.Add(pool.MachineType, pool.DiskType, pool.DiskSizeGb, pool.Gpu, publicNodes, pool.MaxNodes);

        var windows = events
            .Where(e => e.Pool.Dedicated is not null)
            .SelectMany(e => e.Windows.Select(w => (Event: e, w.WarmFrom, w.CoolAt)))
            .ToList();
        var peak = baseline.Copy();
        var overlapping = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var at in windows.Select(w => w.WarmFrom).Distinct())
        {
            var warm = windows.Where(w => w.WarmFrom <= at && at < w.CoolAt).Select(w => w.Event).Distinct().ToList();
            var moment = baseline.Copy();
            foreach (var e in warm)
            {
                var d = e.Pool.Dedicated!;
                moment.Add(d.MachineType, d.DiskType, d.DiskSizeGb, d.Gpu, publicNodes, d.MaxNodes);
            }
            peak.Max(moment);
            foreach (var e in warm) overlapping.Add(e.Event.StackName);
        }
        return new RegionalQuota(community.Region,
            new SortedDictionary<string, long>(peak.Cpus, StringComparer.Ordinal),
            new SortedDictionary<string, long>(peak.Gpus, StringComparer.Ordinal),
            peak.SsdGb, peak.Addresses, overlapping.ToList());
    }

    /// <summary>The events among <paramref name="others"/> warm at any time <paramref name="plan"/> is warm, and the plan itself.</summary>
    public static IReadOnlyList<EventPlan> Overlapping(EventPlan plan, IEnumerable<EventPlan> others) =>
        others.Where(o => o.Event.StackName != plan.Event.StackName &&
                          o.Windows.Any(w => plan.Windows.Any(p => w.WarmFrom < p.CoolAt && p.WarmFrom < w.CoolAt)))
            .Prepend(plan)
            .ToList();

    /// <summary>A quota the peak needs more of than the project has.</summary>
    public sealed record Excess(string Key, string QuotaName, long Need, long Limit);

    /// <summary>Every configured quota the peak exceeds; key is the config key under <c>hubinfra:capacity.quota</c>.</summary>
    public IReadOnlyList<Excess> Exceeding(QuotaSettings quota)
    {
        var excess = new List<Excess>();
        foreach (var (key, limit) in quota.CpusByFamily)
        {
            var need = key == GeneralCpusKey
                ? CpusByFamily.Where(kv => GeneralCpuFamilies.Contains(kv.Key)).Sum(kv => kv.Value)
                : CpusByFamily.GetValueOrDefault(key);
            if (need > limit)
                excess.Add(new Excess($"cpus.{key}", key == GeneralCpusKey ? "CPUS" : $"{key.ToUpperInvariant()}_CPUS", need, limit));
        }
        foreach (var (type, limit) in quota.GpusByType)
            if (GpusByType.GetValueOrDefault(type) is var need && need > limit)
                excess.Add(new Excess($"gpus.{type}", GpuQuotaName(type), need, limit));
        if (quota.SsdGb is { } ssd && SsdGb > ssd)
            excess.Add(new Excess("ssdGb", "SSD_TOTAL_GB", SsdGb, ssd));
        if (quota.InUseAddresses is { } addresses && InUseAddresses > addresses)
            excess.Add(new Excess("inUseAddresses", "IN_USE_ADDRESSES", InUseAddresses, addresses));
        return excess;
    }

    /// <summary>One quota the peak uses, by its Cloud Quotas id (service compute.googleapis.com) and Console name.</summary>
    public sealed record QuotaUse(string QuotaId, string QuotaName, long Need);

    /// <summary>
    /// The quotas to look up in Cloud Quotas, ids as its API names them ("CPUS-per-project-region",
    /// "N2-CPUS-per-project-region", "NVIDIA-T4-GPUS-per-project-region", "SSD-TOTAL-GB-per-project-region",
    /// "IN-USE-ADDRESSES-per-project-region"): the Console name with '-' for '_' and the per-project-region suffix.
    /// </summary>
    public IReadOnlyList<QuotaUse> Uses()
    {
        var demands = new List<QuotaUse>();
        var general = CpusByFamily.Where(kv => GeneralCpuFamilies.Contains(kv.Key)).Sum(kv => kv.Value);
        if (general > 0) demands.Add(Of("CPUS", general));
        foreach (var (family, need) in CpusByFamily.Where(kv => !GeneralCpuFamilies.Contains(kv.Key) && kv.Value > 0))
            demands.Add(Of($"{family.ToUpperInvariant()}_CPUS", need));
        foreach (var (type, need) in GpusByType.Where(kv => kv.Value > 0))
            demands.Add(Of(GpuQuotaName(type), need));
        if (SsdGb > 0) demands.Add(Of("SSD_TOTAL_GB", SsdGb));
        if (InUseAddresses > 0) demands.Add(Of("IN_USE_ADDRESSES", InUseAddresses));
        return demands;

        static QuotaUse Of(string name, long need) => new(name.Replace('_', '-') + "-per-project-region", name, need);
    }

    /// <summary>
    /// The limit in <paramref name="region"/> out of Cloud Quotas' dimension infos: the one for the region, else the
    /// one without a region dimension (the default for every region); null when none applies or it is unlimited (-1).
    /// </summary>
    public static long? LimitIn(IEnumerable<(IReadOnlyDictionary<string, string> Dimensions, string? Value)> infos, string region)
    {
        var list = infos.ToList();
        var match = list.FirstOrDefault(i => i.Dimensions.TryGetValue("region", out var r) && r == region);
        if (match.Dimensions is null)
            match = list.FirstOrDefault(i => !i.Dimensions.ContainsKey("region"));
        if (match.Dimensions is null || !long.TryParse(match.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var limit) || limit < 0)
            return null;
        return limit;
    }

    /// <summary>Compute Engine's name of a GPU quota: nvidia-tesla-t4 → NVIDIA_T4_GPUS, nvidia-l4 → NVIDIA_L4_GPUS.</summary>
    public static string GpuQuotaName(string type) =>
        type.Replace("-tesla", "", StringComparison.Ordinal).Replace('-', '_').ToUpperInvariant() + "_GPUS";

    /// <summary>"480 N2_CPUS (quota 200)" for messages.</summary>
    public static string Describe(Excess e) =>
        string.Create(CultureInfo.InvariantCulture, $"{e.Need} {e.QuotaName} (quota {e.Limit}, hubinfra:capacity.quota.{e.Key})");
}
