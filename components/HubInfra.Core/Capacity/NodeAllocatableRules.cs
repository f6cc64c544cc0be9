namespace HubInfra.Core.Capacity;

/// <summary>
/// GKE's documented node-allocatable rules for Standard clusters
/// (https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes, "Memory and CPU reservations"):
/// GKE reserves a tiered share of the machine's memory and CPU for the kubelet, the container runtime and the OS,
/// and keeps 100 MiB free for the kubelet's hard eviction threshold. The reservation is computed from the nominal
/// memory but taken from the memory the kubelet reports as capacity, which is a little below nominal.
/// </summary>
public static class NodeAllocatableRules
{
    /// <summary>Hard eviction threshold: 100 MiB.</summary>
    public const double EvictionThresholdGiB = 100.0 / 1024;

    /// <summary>
    /// Share of the nominal memory the kubelet reports as capacity. The kernel and firmware keep some memory for
    /// themselves; on n2-highmem nodes the reported capacity is about 2% below the machine type's nominal size.
    /// </summary>
    public const double DefaultKubeletCapacityFactor = 0.98;

    /// <summary>
    /// Memory GKE reserves: 255 MiB on machines with less than 1 GiB; otherwise 25% of the first 4 GiB, 20% of the
    /// next 4 GiB (up to 8), 10% of the next 8 GiB (up to 16), 6% of the next 112 GiB (up to 128) and 2% of
    /// everything above 128 GiB.
    /// </summary>
    public static double ReservedMemoryGiB(double machineMemoryGiB)
    {
        if (machineMemoryGiB < 1) return 255.0 / 1024;
        return Tiered(machineMemoryGiB, [(4, 0.25), (4, 0.20), (8, 0.10), (112, 0.06), (double.PositiveInfinity, 0.02)]);
    }

    /// <summary>CPU GKE reserves: 6% of the first core, 1% of the next (up to 2), 0.5% of the next 2 (up to 4), 0.25% of every core above 4.</summary>
    public static double ReservedCpuCores(double vcpus) =>
        Tiered(vcpus, [(1, 0.06), (1, 0.01), (2, 0.005), (double.PositiveInfinity, 0.0025)]);

    /// <summary>
    /// Allocatable resources of a node of <paramref name="machine"/>: vCPUs minus the CPU reservation, and
    /// nominal memory × <paramref name="kubeletCapacityFactor"/> minus the memory reservation and the eviction threshold.
    /// </summary>
    public static NodeAllocatable For(MachineType machine, double kubeletCapacityFactor = DefaultKubeletCapacityFactor) =>
        new(
            machine.VCpus - ReservedCpuCores(machine.VCpus),
            machine.MemoryGiB * kubeletCapacityFactor - ReservedMemoryGiB(machine.MemoryGiB) - EvictionThresholdGiB);

    private static double Tiered(double amount, (double Size, double Share)[] tiers)
    {
        double reserved = 0, rest = amount;
        foreach (var (size, share) in tiers)
        {
            if (rest <= 0) break;
            var part = Math.Min(rest, size);
            reserved += part * share;
            rest -= part;
        }
        return reserved;
    }
}
