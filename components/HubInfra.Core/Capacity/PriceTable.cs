namespace HubInfra.Core.Capacity;

/// <summary>On-demand price of one vCPU-hour and one GiB-hour of a machine family.</summary>
public sealed record FamilyPrice(double VCpuHour, double GiBHour);

/// <summary>
/// The prices cost estimates use, with the date they were read and the region they are for. Estimates only:
/// sustained-use and committed-use discounts are not applied; Spot is a flat factor.
/// </summary>
public sealed record PriceTable(
    string AsOf,
    string Region,
    string Currency,
    IReadOnlyDictionary<string, FamilyPrice> Families,
    IReadOnlyDictionary<string, double> GpuHourly,
    double SpotFactor)
{
    /// <summary>GCE list prices for us-central1 as read on 2026-11-01.</summary>
    public static PriceTable Default { get; } = new(
        "2026-11-01",
        "us-central1",
        "USD",
        new Dictionary<string, FamilyPrice>(StringComparer.Ordinal)
        {
            ["e2"] = new(0.021811, 0.002923),
            ["n1"] = new(0.031611, 0.004237),
            ["n2"] = new(0.031611, 0.004237),
            ["n2d"] = new(0.027502, 0.003686),
            ["c3"] = new(0.03465, 0.003938),
            ["g2"] = new(0.024988, 0.002928),
            ["a2"] = new(0.031611, 0.004237),
        },
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["nvidia-tesla-t4"] = 0.35,
            ["nvidia-tesla-v100"] = 2.48,
            ["nvidia-tesla-p4"] = 0.60,
            ["nvidia-tesla-p100"] = 1.46,
            ["nvidia-l4"] = 0.56,
            ["nvidia-tesla-a100"] = 2.93,
        },
        0.35);

    /// <summary>Price of one node-hour: vCPUs and memory at the family's rates plus its GPUs; Spot scales everything.</summary>
    public double NodeHourly(MachineType machine, bool spot, string? gpuType, int gpuCount)
    {
        if (!Families.TryGetValue(machine.Family, out var family))
            throw new KeyNotFoundException($"no price for machine family '{machine.Family}' in the price table of {AsOf}");
        var price = machine.VCpus * family.VCpuHour + machine.MemoryGiB * family.GiBHour;
        var gpu = gpuType ?? machine.BundledGpuType;
        var count = gpuType is null ? machine.BundledGpuCount : gpuCount;
        if (gpu is not null && count > 0)
        {
            if (!GpuHourly.TryGetValue(gpu, out var gpuPrice))
                throw new KeyNotFoundException($"no price for GPU '{gpu}' in the price table of {AsOf}");
            price += count * gpuPrice;
        }
        return spot ? price * SpotFactor : price;
    }

    public PriceTable WithOverrides(IReadOnlyDictionary<string, FamilyPrice>? families, IReadOnlyDictionary<string, double>? gpus, double? spotFactor, string? asOf)
    {
        var f = new Dictionary<string, FamilyPrice>(Families, StringComparer.Ordinal);
        foreach (var (k, v) in families ?? new Dictionary<string, FamilyPrice>()) f[k] = v;
        var g = new Dictionary<string, double>(GpuHourly, StringComparer.Ordinal);
        foreach (var (k, v) in gpus ?? new Dictionary<string, double>()) g[k] = v;
        return this with { Families = f, GpuHourly = g, SpotFactor = spotFactor ?? SpotFactor, AsOf = asOf ?? AsOf };
    }
}
