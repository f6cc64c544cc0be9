using HubInfra.Core.Capacity;

namespace HubInfra.Core.Model;

/// <summary>Inputs of the capacity planner that an operator may tune (<c>hubinfra:capacity</c>).</summary>
public sealed record CapacitySettings(DaemonSetOverhead DaemonSets, DaemonSetOverhead GpuDaemonSets, double KubeletCapacityFactor, PriceTable Prices)
{
    public static CapacitySettings Default { get; } =
        new(DaemonSetOverhead.Default, DaemonSetOverhead.GpuDefault, NodeAllocatableRules.DefaultKubeletCapacityFactor, PriceTable.Default);
}
