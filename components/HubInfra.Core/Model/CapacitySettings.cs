using HubInfra.Core.Capacity;

namespace HubInfra.Core.Model;

/// <summary>Prices given in config (<c>hubinfra:capacity.prices</c>), applied over the built-in table of the cluster's region.</summary>
public sealed record PriceOverrides(
    IReadOnlyDictionary<string, FamilyPrice>? Families,
    IReadOnlyDictionary<string, double>? Gpus,
    double? SpotFactor,
    string? AsOf,
    string? Currency);

/// <summary>Inputs of the capacity planner that an operator may tune (<c>hubinfra:capacity</c>).</summary>
/// <param name="Prices">The prices of <see cref="PriceTable.Default"/>'s region with the overrides; see <see cref="InRegion"/>.</param>
/// <param name="Quota">The project's regional quotas, as the Console shows them (<c>hubinfra:capacity.quota</c>); none: not checked.</param>
public sealed record CapacitySettings(
    DaemonSetOverhead DaemonSets,
    DaemonSetOverhead GpuDaemonSets,
    double KubeletCapacityFactor,
    PriceTable Prices,
    PriceOverrides? Overrides = null,
    QuotaSettings? Quota = null)
{
    /// <summary><c>backend</c>: how events on this community hold warm seats (placeholder pods or a CapacityBuffer).</summary>
    public Scaling.CapacityBackend Backend { get; init; } = Scaling.CapacityBackend.Placeholders;

    /// <summary>Whether the stack file set <c>backend</c> (an event stack may not: the community's applies).</summary>
    public bool BackendSet { get; init; }

    public static CapacitySettings Default { get; } =
        new(DaemonSetOverhead.Default, DaemonSetOverhead.GpuDefault, NodeAllocatableRules.DefaultKubeletCapacityFactor, PriceTable.Default);

    /// <summary>
    /// These settings with the prices of <paramref name="region"/>: its built-in table (us-central1's when the table
    /// does not cover it, which <see cref="PriceTable.Basis"/> then says) with the overrides applied.
    /// </summary>
    public CapacitySettings InRegion(string region)
    {
        var table = PriceTable.For(region) ?? PriceTable.Default with { EstimatedFor = region.Length > 0 ? region : null };
        var o = Overrides;
        return this with { Prices = o is null ? table : table.WithOverrides(o.Families, o.Gpus, o.SpotFactor, o.AsOf, o.Currency) };
    }
}
