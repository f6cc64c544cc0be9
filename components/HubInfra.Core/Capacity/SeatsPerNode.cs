namespace HubInfra.Core.Capacity;

/// <summary>How many users with a given guarantee fit on one node: the scarcest resource decides.</summary>
public static class SeatsPerNode
{
    /// <summary>Tolerance so that e.g. 3.52 cores / 0.44 is 8 seats, not 7 because of binary rounding.</summary>
    private const double Epsilon = 1e-9;

    /// <summary>
    /// Seats on one node: for each resource, ⌊(allocatable − DaemonSet requests) / guarantee⌋, and the smallest of
    /// those. A CPU guarantee ≤ 0 does not limit seats; the memory guarantee must be positive. With
    /// <paramref name="gpusPerSeat"/> &gt; 0, GPUs limit seats to ⌊<paramref name="gpusPerNode"/> / <paramref name="gpusPerSeat"/>⌋.
    /// Never negative.
    /// </summary>
    /// <exception cref="ArgumentException">The memory guarantee is not a positive number.</exception>
    public static int Compute(NodeAllocatable node, DaemonSetOverhead daemonSets, double cpuGuarantee, double memoryGuaranteeGiB,
        int gpusPerNode = 0, int gpusPerSeat = 0)
    {
        if (!(memoryGuaranteeGiB > 0) || double.IsInfinity(memoryGuaranteeGiB))
            throw new ArgumentException($"a seat needs a positive memory guarantee, not {memoryGuaranteeGiB}", nameof(memoryGuaranteeGiB));

        var seats = Fit(node.MemoryGiB - daemonSets.MemoryGiB, memoryGuaranteeGiB);
        if (cpuGuarantee > 0)
            seats = Math.Min(seats, Fit(node.CpuCores - daemonSets.CpuCores, cpuGuarantee));
        if (gpusPerSeat > 0)
            seats = Math.Min(seats, Math.Max(0, gpusPerNode) / gpusPerSeat);
        return Math.Max(0, seats);
    }

    private static int Fit(double free, double perSeat)
    {
        if (!(free > 0)) return 0;
        var n = Math.Floor(free / perSeat + Epsilon);
        return n >= int.MaxValue ? int.MaxValue : (int)n;
    }
}
