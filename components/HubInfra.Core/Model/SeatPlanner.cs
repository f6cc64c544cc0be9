using HubInfra.Core.Capacity;

namespace HubInfra.Core.Model;

/// <summary>How many users of a profile one node of a pool seats, from GKE's allocatable rules.</summary>
public static class SeatPlanner
{
    /// <summary>GKE's default (and, with Dataplane V2, fixed) maximum of Pods per node in Standard clusters.</summary>
    public const int MaxPodsPerNode = 110;

    /// <summary>
    /// Pods of DaemonSets and system components on every user node (kube-proxy/anetd, fluentbit, metrics agent, CSI
    /// node, netd, node-problem-detector, the image puller and its hook, and room for a GPU plugin): they count
    /// against <see cref="MaxPodsPerNode"/>.
    /// </summary>
    public const int SystemPodsPerNode = 12;

    public static NodeAllocatable Allocatable(MachineType machine, CapacitySettings capacity, bool imageStreaming = false) =>
        NodeAllocatableRules.For(machine, capacity.KubeletCapacityFactor, imageStreaming);

    public static int SeatsFor(ProfileSettings profile, NodePoolSettings pool, MachineType machine, CapacitySettings capacity)
    {
        var daemonSets = pool.Gpu is null ? capacity.DaemonSets : capacity.GpuDaemonSets;
        var gpusPerNode = pool.Gpu?.Count ?? machine.BundledGpuCount;
        var seats = SeatsPerNode.Compute(Allocatable(machine, capacity, pool.ImageStreaming), daemonSets, profile.CpuGuarantee, profile.MemoryGuarantee.GiBValue,
            gpusPerNode, profile.GpusPerUser);
        return Math.Min(seats, MaxPodsPerNode - SystemPodsPerNode);
    }
}
