namespace HubInfra.Core.Capacity;

/// <summary>How many users with a given guarantee fit on one node: the scarcest resource decides.</summary>
public static class SeatsPerNode
{
    public static int Compute(NodeAllocatable node, DaemonSetOverhead daemonSets, double cpuGuarantee, double memoryGuaranteeGiB,
        int gpusPerNode = 0, int gpusPerSeat = 0)
    {
        if (memoryGuaranteeGiB <= 0)
            throw new ArgumentException("a seat needs a memory guarantee", nameof(memoryGuaranteeGiB));
        var freeMemory = node.MemoryGiB - daemonSets.MemoryGiB;
        var freeCpu = node.CpuCores - daemonSets.CpuCores;
        var seats = (int)Math.Floor(freeMemory / memoryGuaranteeGiB + 1e-9);
        if (cpuGuarantee > 0)
            seats = Math.Min(seats, (int)Math.Floor(freeCpu / cpuGuarantee + 1e-9));
        if (gpusPerSeat > 0)
            seats = Math.Min(seats, gpusPerNode / gpusPerSeat);
        return Math.Max(0, seats);
    }
}
