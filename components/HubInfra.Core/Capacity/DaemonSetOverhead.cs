namespace HubInfra.Core.Capacity;

/// <summary>
/// Requests of the DaemonSets that run on every user node, which users therefore cannot have.
/// </summary>
/// <remarks>
/// <see cref="Default"/> adds up GKE's own DaemonSets — kube-proxy (or anetd with Dataplane V2), fluentbit-gke,
/// gke-metrics-agent, pdcsi-node and netd — and z2jh's continuous image puller, rounded up. GPU pools also run the
/// NVIDIA device plugin (and the driver installer), hence <see cref="GpuDefault"/>. Override both in
/// <c>hubinfra:capacity</c> with what <c>kubectl describe node</c> shows under "Allocated resources".
/// </remarks>
public sealed record DaemonSetOverhead(double CpuCores, double MemoryGiB)
{
    /// <summary>0.4 cores and 0.6 GiB: GKE's node DaemonSets plus z2jh's continuous image puller.</summary>
    public static DaemonSetOverhead Default { get; } = new(0.4, 0.6);

    /// <summary>0.5 cores and 1.0 GiB: <see cref="Default"/> plus the NVIDIA device plugin on GPU nodes.</summary>
    public static DaemonSetOverhead GpuDefault { get; } = new(0.5, 1.0);
}
