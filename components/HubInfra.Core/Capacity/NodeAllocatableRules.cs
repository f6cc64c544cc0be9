namespace HubInfra.Core.Capacity;

/// <summary>
/// GKE's documented node-allocatable rules for Standard clusters
/// (https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes#memory_and_cpu_reservations):
/// GKE reserves a tiered share of the machine's memory and CPU for the kubelet, the container runtime and the
/// OS, and keeps 100 MiB free for eviction. Applied to the memory the kubelet reports as capacity, which is
/// below the machine type's nominal memory.
/// </summary>
public static class NodeAllocatableRules
{
    /// <summary>Hard eviction threshold: 100 MiB.</summary>
    public const double EvictionThresholdGiB = 100.0 / 1024;

    /// <summary>The kubelet reports about 2% less memory than the machine type's nominal size (kernel and firmware).</summary>
    public const double DefaultKubeletCapacityFactor = 0.98;

    /// <summary>25% of the first 4 GiB, 20% of the next 4, 10% of the next 8, 6% of the next 112, 2% above 128 GiB; 255 MiB under 1 GiB.</summary>
    public static double ReservedMemoryGiB(double machineMemoryGiB)
    {
        if (machineMemoryGiB < 1) return 255.0 / 1024;
        return Tiered(machineMemoryGiB, [(4, 0.25), (4, 0.20), (8, 0.10), (112, 0.06), (double.MaxValue, 0.02)]);
    }

    /// <summary>6% of the first core, 1% of the next, 0.5% of the next 2, 0.25% of every core above 4.</summary>
    public static double ReservedCpuCores(double vcpus) =>
        Tiered(vcpus, [(1, 0.06), (1, 0.01), (2, 0.005), (double.MaxValue, 0.0025)]);

    public static NodeAllocatable For(MachineType machine, double kubeletCapacityFactor = DefaultKubeletCapacityFactor) =>
        new(
            machine.VCpus - ReservedCpuCores(machine.VCpus),
            machine.MemoryGiB * kubeletCapacityFactor - ReservedMemoryGiB(machine.MemoryGiB) - EvictionThresholdGiB);

    private static double Tiered(double amount, (double Size, double Share)[] tiers)
    {
        double reserved = 0, rest = amount;
        foreach (var (size, share) in tiers)
        {
            var part = Math.Min(rest, size);
            reserved += part * share;
            rest -= part;
            if (rest <= 0) break;
        }
        return reserved;
    }
}
