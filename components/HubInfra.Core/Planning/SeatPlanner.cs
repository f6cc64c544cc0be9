using HubInfra.Core.Capacity;
using HubInfra.Core.Model;

namespace HubInfra.Core.Planning;

/// <summary>How many users of a profile one node of a pool seats, from GKE's allocatable rules.</summary>
public static class SeatPlanner
{
    public static NodeAllocatable Allocatable(MachineType machine, CapacitySettings capacity) =>
        NodeAllocatableRules.For(machine, capacity.KubeletCapacityFactor);

    public static int SeatsFor(ProfileSettings profile, NodePoolSettings pool, MachineType machine, CapacitySettings capacity)
    {
        var daemonSets = pool.Gpu is null ? capacity.DaemonSets : capacity.GpuDaemonSets;
        var gpusPerNode = pool.Gpu?.Count ?? machine.BundledGpuCount;
        return SeatsPerNode.Compute(Allocatable(machine, capacity), daemonSets, profile.CpuGuarantee, profile.MemoryGuarantee.GiBValue, gpusPerNode, profile.GpusPerUser);
    }
}
