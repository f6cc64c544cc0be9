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
    double SpotFactor,
    string Source = "Google Cloud pricing pages (https://cloud.google.com/compute/vm-instance-pricing, https://cloud.google.com/compute/gpus-pricing)")
{
    /// <summary>What the estimates are, in one line: "USD list prices of europe-west4 as of 2025-03-06".</summary>
    public string Basis => $"{Currency} list prices of {Region} as of {AsOf}";

    /// <summary>
    /// Regional uplift over us-central1 per series, from the hourly on-demand price of one machine type per series in
    /// Cyclenerd/google-cloud-pricing-cost-calculator's pricing.yml (generated 2025-03-06 from the Cloud Billing Catalog
    /// API): n1-highmem-16 (us-central1 0.946424 USD/h) for n1, n2, e2, c3, g2 and a2's vCPU and memory, n2d-highcpu-48
    /// (1.497024 USD/h) for n2d. us-east1 and us-west1 cost the same as us-central1. Google scales a region's vCPU and
    /// memory rates by one factor (the two series agree within 0.2%). GPU rates are us-central1's everywhere: override
    /// them under hubinfra:capacity.prices.gpus for another region.
    /// </summary>
    private static readonly (string Region, double Uplift, double N2dUplift)[] Uplifts =
    [
        ("us-central1", 1, 1),
        ("us-east1", 1, 1),
        ("us-west1", 1, 1),
        ("europe-west1", 1.041112 / 0.946424, 1.646784 / 1.497024),
        ("europe-west2", 1.219312 / 0.946424, 1.928784 / 1.497024),
        ("europe-west4", 1.041888 / 0.946424, 1.648128 / 1.497024),
        ("asia-northeast1", 1.213464 / 0.946424, 1.922544 / 1.497024),
    ];

    /// <summary>The built-in table of each region it covers.</summary>
    public static IReadOnlyDictionary<string, PriceTable> Regional => RegionalTables.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, PriceTable>> RegionalTables = new(BuildRegional);

    private static IReadOnlyDictionary<string, PriceTable> BuildRegional()
    {
        PriceTable us = Default;
        return Uplifts.ToDictionary(
        u => u.Region,
        u => u.Uplift == 1 && u.N2dUplift == 1
            ? us with { Region = u.Region }
            : us with
            {
                Region = u.Region,
                AsOf = "2025-03-06",
                Families = us.Families.ToDictionary(
                    kv => kv.Key,
                    kv => Scaled(kv.Value, kv.Key == "n2d" ? u.N2dUplift : u.Uplift), StringComparer.Ordinal),
                Source = $"us-central1 rates of {us.AsOf} × the {u.Region} uplift in Cyclenerd/google-cloud-pricing-cost-calculator pricing.yml " +
                         "(generated 2025-03-06 from the Cloud Billing Catalog API); GPU rates are us-central1's",
            },
        StringComparer.Ordinal);
    }

    /// <summary>The built-in prices of <paramref name="region"/>, or null when the table does not cover it.</summary>
    public static PriceTable? For(string region) => Regional.GetValueOrDefault(region);

    private static FamilyPrice Scaled(FamilyPrice p, double factor) =>
        new(Math.Round(p.VCpuHour * factor, 6), Math.Round(p.GiBHour * factor, 6));

    /// <summary>
    /// GCE on-demand list prices for us-central1 as read on 2026-11-01. g2's vCPU and memory rates exclude its L4s,
    /// which are priced from <see cref="GpuHourly"/>; a2 is priced like n1/n2 plus its A100s (skypilot-org/skypilot-catalog
    /// catalogs/v7/gcp/vms.csv lists a2-ultragpu-1g without GPUs at 1.09962 USD/h in us-central1: 12 × 0.031611 + 170 ×
    /// 0.004237, the same rates). a3 (a3-highgpu, H100) from the same catalogue: a3-highgpu-1g without GPUs 1.18251 USD/h
    /// for 26 vCPUs and 234 GiB, split between vCPU and memory in n2's ratio (every a3-highgpu shape has the same
    /// proportions, so the node price is exact whatever the split). GPU rates of the same catalogue, which lists
    /// nvidia-a100-80gb and nvidia-h100-80gb in us-central1 far below the regions whose machine rates equal
    /// us-central1's (A100 80GB 1.8462 against us-east5's 4.4242; H100 4.20076 against us-east4's 9.79655, and
    /// silybench-data's Cloud Billing reading of 2026-09-26 prices a3-highgpu-1g at 10.9791 = 1.18251 + 9.7966): the
    /// higher is taken.
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
            ["a3"] = new(0.020615, 0.002763),
        },
        new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["nvidia-tesla-t4"] = 0.35,
            ["nvidia-tesla-v100"] = 2.48,
            ["nvidia-tesla-p4"] = 0.60,
            ["nvidia-tesla-p100"] = 1.46,
            ["nvidia-l4"] = 0.56,
            ["nvidia-tesla-a100"] = 2.93,
            ["nvidia-a100-80gb"] = 4.4242,
            ["nvidia-h100-80gb"] = 9.79655,
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

    /// <summary>
    /// A copy with some series and GPU prices replaced or added, and optionally another Spot factor and date. Prices in
    /// another <paramref name="currency"/> replace the whole table: built-in USD rates are never mixed with them.
    /// </summary>
    public PriceTable WithOverrides(IReadOnlyDictionary<string, FamilyPrice>? families, IReadOnlyDictionary<string, double>? gpus, double? spotFactor, string? asOf,
        string? currency = null)
    {
        var otherCurrency = currency is not null && currency != Currency;
        var f = otherCurrency ? new Dictionary<string, FamilyPrice>(StringComparer.Ordinal) : new Dictionary<string, FamilyPrice>(Families, StringComparer.Ordinal);
        if (families is not null)
            foreach (var (k, v) in families) f[k] = v;
        var g = otherCurrency ? new Dictionary<string, double>(StringComparer.Ordinal) : new Dictionary<string, double>(GpuHourly, StringComparer.Ordinal);
        if (gpus is not null)
            foreach (var (k, v) in gpus) g[k] = v;
        var overridden = families is { Count: > 0 } || gpus is { Count: > 0 } || spotFactor is not null || otherCurrency;
        return this with
        {
            Families = f,
            GpuHourly = g,
            SpotFactor = spotFactor ?? SpotFactor,
            AsOf = asOf ?? AsOf,
            Currency = currency ?? Currency,
            Source = overridden ? "hubinfra:capacity.prices over " + Source : Source,
        };
    }

    private double GpuPrice(string gpuType) =>
        GpuHourly.TryGetValue(gpuType, out var p)
            ? p
            : throw new KeyNotFoundException($"no price for GPU '{gpuType}' in the {Region} price table of {AsOf}; add it under hubinfra:capacity.prices.gpus");
}
