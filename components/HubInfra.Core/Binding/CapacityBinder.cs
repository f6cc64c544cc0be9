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
            c.Error("kubeletCapacityFactor", "must be between 0.5 and 1 (the share of nominal memory the kubelet reports; GKE: about 0.97); set e.g. 0.97");

        var prices = d.Prices;
        var p = c.Object("prices");
        if (p is not null)
        {
            var asOf = p.String("asOf");
            var spot = p.OptionalDouble("spotFactor");
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
                        f.OptionalDouble("vcpuHour", required: true, example: "vcpuHour: 0.031611") ?? 0,
                        f.OptionalDouble("gibHour", required: true, example: "gibHour: 0.004237") ?? 0);
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
                        gpus[type] = g.Double(type, 0);
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
        var cpu = r.Double("cpu", @default.CpuCores);
        var memText = r.String("memory");
        var mem = @default.MemoryGiB;
        if (memText is not null)
        {
            if (Memory.TryParse(memText, out var m)) mem = m.GiBValue;
            else r.Error("memory", $"'{memText}' is not an amount of memory; write e.g. 600Mi");
        }
        r.RejectUnknown();
        return new DaemonSetOverhead(cpu, mem);
    }
}
