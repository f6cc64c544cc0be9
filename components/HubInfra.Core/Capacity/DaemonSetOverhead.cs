namespace HubInfra.Core.Capacity;

/// <summary>
/// Requests of the DaemonSets that run on every user node and so are not available to users. The defaults add up
/// GKE's own (kube-proxy or anetd with Dataplane V2, fluentbit-gke, gke-metrics-agent, pdcsi-node, netd) and z2jh's
/// continuous image puller, rounded up; GPU nodes also run the NVIDIA device plugin and driver installer.
/// Override in <c>hubinfra:capacity.daemonSetOverhead</c> with what <c>kubectl describe node</c> shows.
/// </summary>
public sealed record DaemonSetOverhead(double CpuCores, double MemoryGiB)
{
    public static DaemonSetOverhead Default { get; } = new(0.4, 0.6);

    public static DaemonSetOverhead GpuDefault { get; } = new(0.5, 1.0);
}
