namespace HubInfra.Core.Capacity;

/// <summary>What the kubelet offers pods on one node (its <c>status.allocatable</c>): CPU cores and memory in GiB.</summary>
public sealed record NodeAllocatable(double CpuCores, double MemoryGiB);
