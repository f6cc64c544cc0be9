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
    /// <summary>
    /// What the estimates are, in one line: "USD list prices of europe-west4 as of 2026-12-05"; for a region without
    /// built-in prices, "an estimate at USD list prices of us-central1 as of 2026-11-01: no built-in prices for
    /// europe-north2 (set hubinfra:capacity.prices)".
    /// </summary>
    public string Basis => EstimatedFor is { } region
        ? $"an estimate at {Currency} list prices of {Region} as of {AsOf}: no built-in prices for {region} (set hubinfra:capacity.prices)"
        : $"{Currency} list prices of {Region} as of {AsOf}";

    /// <summary>The cluster's region when this table is another region's (the region has no built-in prices); else null.</summary>
    public string? EstimatedFor { get; init; }

    /// <summary>
    /// Regional uplift over us-central1 per series, from the hourly on-demand price of one machine type per series in
    /// skypilot-org/skypilot-catalog's catalogs/v7/gcp/vms.csv (generated from the Cloud Billing Catalog API; commit
    /// 017e2502, read 2026-12-05): n2-standard-32 (us-central1 1.55389 USD/h, exactly our us-central1 n2 rates) for n1,
    /// n2, e2, c3, g2, a2 and a3's vCPU and memory, n2d-highcpu-64 (1.99603 USD/h) for n2d. Google scales a region's
    /// vCPU and memory rates by one factor per series. asia-south1's n2d row (1.31738) is below us-central1's, out of
    /// line with every other series there: its n2 uplift is used (the higher). GPU rates are us-central1's everywhere:
    /// override them under hubinfra:capacity.prices.gpus for another region. Regions GKE offers that the catalogue does
    /// not list (europe-north2, northamerica-south1 at that date) have no table: their plans say the cost is estimated
    /// at us-central1's rates (<see cref="EstimatedFor"/>).
    /// </summary>
    public const string RegionalSource = "skypilot-org/skypilot-catalog catalogs/v7/gcp/vms.csv (Cloud Billing Catalog API), read 2026-12-05";

    private static readonly (string Region, double Uplift, double N2dUplift)[] Uplifts =
    [
        ("africa-south1", 2.03249 / 1.55389, 2.61081 / 1.99603),
        ("asia-east1", 1.79923 / 1.55389, 2.31117 / 1.99603),
        ("asia-east2", 2.17418 / 1.55389, 2.79283 / 1.99603),
        ("asia-northeast1", 1.99341 / 1.55389, 2.56339 / 1.99603),
        ("asia-northeast2", 1.99549 / 1.55389, 2.56333 / 1.99603),
        ("asia-northeast3", 1.99549 / 1.55389, 2.56333 / 1.99603),
        ("asia-south1", 1.8663 / 1.55389, 1.8663 / 1.55389),
        ("asia-south2", 1.8663 / 1.55389, 2.3975 / 1.99603),
        ("asia-southeast1", 1.9169 / 1.55389, 2.46246 / 1.99603),
        ("asia-southeast2", 2.08942 / 1.55389, 2.68409 / 1.99603),
        ("australia-southeast1", 2.2048 / 1.55389, 2.83232 / 1.99603),
        ("australia-southeast2", 1.87405 / 1.55389, 2.40749 / 1.99603),
        ("europe-central2", 1.88026 / 1.55389, 2.41517 / 1.99603),
        ("europe-north1", 1.71078 / 1.55389, 2.1977 / 1.99603),
        ("europe-southwest1", 1.83359 / 1.55389, 2.35532 / 1.99603),
        ("europe-west1", 1.70934 / 1.55389, 2.19571 / 1.99603),
        ("europe-west10", 2.00205 / 1.55389, 2.57181 / 1.99603),
        ("europe-west12", 2.00452 / 1.55389, 2.57488 / 1.99603),
        ("europe-west2", 2.00198 / 1.55389, 2.57171 / 1.99603),
        ("europe-west3", 2.00198 / 1.55389, 2.57171 / 1.99603),
        ("europe-west4", 1.71066 / 1.55389, 2.1975 / 1.99603),
        ("europe-west6", 2.03562 / 1.55389, 2.61472 / 1.99603),
        ("europe-west8", 1.80251 / 1.55389, 2.3154 / 1.99603),
        ("europe-west9", 1.80251 / 1.55389, 2.3154 / 1.99603),
        ("me-central1", 1.88797 / 1.55389, 2.42518 / 1.99603),
        ("me-central2", 2.48622 / 1.55389, 3.19365 / 1.99603),
        ("me-west1", 1.70928 / 1.55389, 2.19564 / 1.99603),
        ("northamerica-northeast1", 1.71066 / 1.55389, 2.1975 / 1.99603),
        ("northamerica-northeast2", 1.71066 / 1.55389, 2.1975 / 1.99603),
        ("southamerica-east1", 2.46656 / 1.55389, 3.16851 / 1.99603),
        ("southamerica-west1", 2.22206 / 1.55389, 2.85433 / 1.99603),
        ("us-central1", 1.55389 / 1.55389, 1.99603 / 1.99603),
        ("us-east1", 1.55389 / 1.55389, 1.99603 / 1.99603),
        ("us-east4", 1.75005 / 1.55389, 2.24813 / 1.99603),
        ("us-east5", 1.55389 / 1.55389, 1.99603 / 1.99603),
        ("us-south1", 1.83359 / 1.55389, 2.35532 / 1.99603),
        ("us-west1", 1.55389 / 1.55389, 1.99603 / 1.99603),
        ("us-west2", 1.86643 / 1.55389, 2.3975 / 1.99603),
        ("us-west3", 1.86643 / 1.55389, 2.3975 / 1.99603),
        ("us-west4", 1.74998 / 1.55389, 2.24813 / 1.99603),
    ];

    /// <summary>The built-in table of each region it covers.</summary>
    public static IReadOnlyDictionary<string, PriceTable> Regional => RegionalTables.Value;

    private static readonly Lazy<IReadOnlyDictionary<string, PriceTable>> RegionalTables = new(BuildRegional);

    private static IReadOnlyDictionary<string, PriceTable> BuildRegional()
    {
        PriceTable us = Default;
        return Uplifts.ToDictionary(
            u => u.Region,
            u => u.Region == us.Region
                ? us
                : us with
                {
                    Region = u.Region,
                    AsOf = "2026-12-05",
                    Families = us.Families.ToDictionary(
                        kv => kv.Key,
                        kv => Scaled(kv.Value, kv.Key == "n2d" ? u.N2dUplift : u.Uplift), StringComparer.Ordinal),
                    Source = $"us-central1 rates of {us.AsOf} × the {u.Region} uplift in {RegionalSource}; GPU rates are us-central1's",
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
