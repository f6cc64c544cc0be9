using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;

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
        PriceOverrides? overrides = null;
        var p = c.Object("prices");
        if (p is not null)
        {
            var asOf = p.String("asOf");
            var currency = p.String("currency");
            if (currency is not null && !System.Text.RegularExpressions.Regex.IsMatch(currency, "^[A-Z]{3}$"))
                p.Error("currency", $"'{currency}' is not an ISO 4217 currency code; write one such as USD or EUR");
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
            if (currency is not null && currency != prices.Currency && families is null)
                p.Error("currency", $"prices in {currency} replace the built-in {prices.Currency} table: give every machine series you use under families (and GPUs under gpus), or remove currency");
            overrides = new PriceOverrides(families, gpus, spot, asOf, currency);
            prices = prices.WithOverrides(families, gpus, spot, asOf, currency);
        }
        var quota = BindQuota(c.Object("quota"));
        var backendText = c.String("backend");
        var backend = CapacityBackend.Placeholders;
        if (backendText is not null)
        {
            if (CapacityBackends.Parse(backendText) is { } b) backend = b;
            else c.Error("backend", $"'{backendText}' is not a capacity backend; write placeholders (the default) or capacityBuffer");
        }
        c.RejectUnknown();
        return new CapacitySettings(ds, gpuDs, factor, prices, overrides, quota) { Backend = backend, BackendSet = backendText is not null };
    }

    private static QuotaSettings? BindQuota(ConfigReader? q)
    {
        if (q is null) return null;
        var cpus = Counts(q, "cpus", "cpus: { n2: 200, cpus: 24 }");
        var gpus = Counts(q, "gpus", "gpus: { nvidia-tesla-t4: 8 }");
        var ssd = q.OptionalDouble("ssdGb");
        var addresses = q.OptionalDouble("inUseAddresses");
        if (ssd is < 0) q.Error("ssdGb", "must be 0 or more (SSD_TOTAL_GB of the region, in GB)");
        if (addresses is < 0) q.Error("inUseAddresses", "must be 0 or more (IN_USE_ADDRESSES of the region)");
        q.RejectUnknown();
        return new QuotaSettings(cpus, gpus, ssd is { } s ? (long)s : null, addresses is { } a ? (long)a : null);
    }

    private static Dictionary<string, long> Counts(ConfigReader q, string key, string example)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        var r = q.Object(key, example: example);
        if (r is null) return counts;
        foreach (var name in q.ChildKeys(key))
        {
            var v = r.Double(name, -1);
            if (v < 0 || v != Math.Floor(v))
                r.Error(name, $"must be a whole number 0 or more (the {name} quota of the region), e.g. {example}");
            else
                counts[name] = (long)v;
        }
        r.RejectUnknown();
        return counts;
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
