using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Binding;

/// <summary>Binds <c>hubinfra:capacity</c>: DaemonSet overhead, kubelet capacity factor and price overrides.</summary>
public static class CapacityBinder
{
    public static CapacitySettings Bind(ConfigReader? c)
    {
        var d = CapacitySettings.Default;
        if (c is null) return d;

        var ds = BindOverhead(c.Object("daemonSetOverhead"), d.DaemonSets);
        var gpuDs = BindOverhead(c.Object("gpuDaemonSetOverhead"), d.GpuDaemonSets);
        var factor = c.Double("kubeletCapacityFactor", d.KubeletCapacityFactor);
        if (factor is <= 0.5 or > 1)
            c.Error("kubeletCapacityFactor", "must be between 0.5 and 1 (the share of nominal memory the kubelet reports; GKE: about 0.98); set e.g. 0.98");

        var prices = d.Prices;
        var p = c.Object("prices");
        if (p is not null)
        {
            var asOf = p.String("asOf");
            var spot = p.BoundedDouble("spotFactor", 0, 1, " (Spot price as a share of on-demand)", minExclusive: true);
            Dictionary<string, FamilyPrice>? families = null;
            var fam = p.Object("families");
            if (fam is not null)
            {
                families = new Dictionary<string, FamilyPrice>(StringComparer.Ordinal);
                foreach (var family in p.ChildKeys("families"))
                {
                    var f = fam.Object(family);
                    if (f is null) continue;
                    families[family] = new FamilyPrice(
                        f.BoundedDouble("vcpuHour", 0, ConfigLimits.PricePerHourMax, " (price per vCPU hour)", minExclusive: true, required: true, example: "0.031611") ?? 0,
                        f.BoundedDouble("gibHour", 0, ConfigLimits.PricePerHourMax, " (price per GiB hour)", minExclusive: true, required: true, example: "0.004237") ?? 0);
                    f.RejectUnknown();
                }
                fam.RejectUnknown();
            }
            Dictionary<string, double>? gpus = null;
            if (p.Has("gpus"))
            {
                var g = p.Object("gpus");
                gpus = new Dictionary<string, double>(StringComparer.Ordinal);
                if (g is not null)
                {
                    foreach (var type in p.ChildKeys("gpus"))
                        gpus[type] = g.DoubleIn(type, 0, 0, ConfigLimits.PricePerHourMax, " (price per GPU hour)");
                    g.RejectUnknown();
                }
            }
            p.RejectUnknown();
            if (asOf is null && (families is not null || gpus is not null))
                p.Error("asOf", "overridden prices need the date they were read; set e.g. asOf: \"2026-11-01\"");
            prices = prices.WithOverrides(families, gpus, spot, asOf);
        }
        c.RejectUnknown();
        return new CapacitySettings(ds, gpuDs, factor, prices);
    }

    private static DaemonSetOverhead BindOverhead(ConfigReader? r, DaemonSetOverhead @default)
    {
        if (r is null) return @default;
        var cpu = r.DoubleIn("cpu", @default.CpuCores, 0, ConfigLimits.OverheadCpuMax, " cores per node");
        var memText = r.String("memory");
        var mem = @default.MemoryGiB;
        if (memText is not null)
        {
            if (Memory.TryParse(memText, out var m) && m.GiBValue <= ConfigLimits.OverheadMemoryMaxGiB) mem = m.GiBValue;
            else if (Memory.TryParse(memText, out _)) r.Error("memory", $"must be at most {ConfigLimits.OverheadMemoryMaxGiB}G per node, not {memText}; set a value in that range");
            else r.Error("memory", $"'{memText}' is not an amount of memory; write e.g. 600Mi");
        }
        r.RejectUnknown();
        return new DaemonSetOverhead(cpu, mem);
    }
}
