namespace HubInfra.Core.Capacity;

/// <summary>
/// The prices cost estimates use, with the date they were read and the region they are for. Estimates only:
/// sustained-use and committed-use discounts are not applied, and Spot is one flat factor on the whole node.
/// </summary>
public sealed record PriceTable(
    string AsOf,
    string Region,
    string Currency,
    IReadOnlyDictionary<string, FamilyPrice> Families,
    IReadOnlyDictionary<string, double> GpuHourly,
    double SpotFactor)
{
    /// <summary>
    /// GCE on-demand list prices for us-central1 as read on 2026-11-01. g2's vCPU and memory rates exclude its L4s,
    /// which are priced from <see cref="GpuHourly"/>; a2 is priced like n1/n2 plus its A100s (an approximation).
    /// </summary>
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

    /// <summary>
    /// Price of one node-hour: vCPUs and memory at the series' rates, plus the GPUs built into the machine type
    /// (g2, a2) and <paramref name="gpuCount"/> attached GPUs of <paramref name="gpuType"/>, all from
    /// <see cref="GpuHourly"/>; Spot multiplies the total by <see cref="SpotFactor"/>. Naming the built-in GPU type
    /// as <paramref name="gpuType"/> does not price it twice: the machine type decides how many it has.
    /// </summary>
    /// <exception cref="KeyNotFoundException">The machine's series or a GPU type has no price in this table.</exception>
    public double NodeHourly(MachineType machine, bool spot, string? gpuType, int gpuCount)
    {
        if (!Families.TryGetValue(machine.Family, out var family))
            throw new KeyNotFoundException(
                $"no price for machine family '{machine.Family}' ({machine.Name}) in the {Region} price table of {AsOf}; add it under hubinfra:capacity.prices.families");
        var price = machine.VCpus * family.VCpuHour + machine.MemoryGiB * family.GiBHour;
        if (machine.BundledGpuType is { } bundled && machine.BundledGpuCount > 0)
            price += machine.BundledGpuCount * GpuPrice(bundled);
        if (gpuType is not null && gpuType != machine.BundledGpuType && gpuCount > 0)
            price += gpuCount * GpuPrice(gpuType);
        return spot ? price * SpotFactor : price;
    }

    /// <summary>A copy with some series and GPU prices replaced or added, and optionally another Spot factor and date.</summary>
    public PriceTable WithOverrides(IReadOnlyDictionary<string, FamilyPrice>? families, IReadOnlyDictionary<string, double>? gpus, double? spotFactor, string? asOf)
    {
        var f = new Dictionary<string, FamilyPrice>(Families, StringComparer.Ordinal);
        if (families is not null)
            foreach (var (k, v) in families) f[k] = v;
        var g = new Dictionary<string, double>(GpuHourly, StringComparer.Ordinal);
        if (gpus is not null)
            foreach (var (k, v) in gpus) g[k] = v;
        return this with { Families = f, GpuHourly = g, SpotFactor = spotFactor ?? SpotFactor, AsOf = asOf ?? AsOf };
    }

    private double GpuPrice(string gpuType) =>
        GpuHourly.TryGetValue(gpuType, out var p)
            ? p
            : throw new KeyNotFoundException($"no price for GPU '{gpuType}' in the {Region} price table of {AsOf}; add it under hubinfra:capacity.prices.gpus");
}
