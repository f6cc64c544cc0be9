using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Validation;

namespace HubInfra.Core.PlanChecks;

/// <summary>An event's own pool, as planned, against GKE's limits of the community's cluster (<see cref="GkeLimits"/>, with its sources).</summary>
public static class EventPoolLimits
{
    /// <summary>
    /// An event's own pool joins the community's cluster: with the community's pools at their max it must still fit
    /// GKE's nodes per cluster, the Pod range and the nodes' subnet, and its own max the nodes per pool per zone.
    /// </summary>
    public static void Check(EventSettings ev, CommunityStack community, EventPlan plan, List<Problem> problems)
    {
        if (plan.Pool.Dedicated is not { } pool || community.Kind == StackKind.Local) return;
        const string key = "hubinfra:event.pool";
        var c = community.Cluster;
        var zones = GkeLimits.ZonesOf(c);
        var fix = "lower attendees, peakFraction or headroomNodes, or use a larger machineType";
        if (pool.MaxNodes > GkeLimits.NodesPerPoolZone * zones)
            problems.Add(new Problem(key, $"event {ev.StackName}'s pool grows to {pool.MaxNodes} nodes over {Plural.Of(zones, "zone")}, more than GKE's {GkeLimits.NodesPerPoolZone} nodes per node pool per zone; {fix}"));
        var total = community.AllPools.Sum(p => (long)p.MaxNodes) + pool.MaxNodes;
        if (total > GkeLimits.NodesPerCluster)
            problems.Add(new Problem(key, $"with event {ev.StackName}'s pool the cluster can grow to {total} nodes, more than GKE's {GkeLimits.NodesPerCluster}; {fix}"));
        if (GkeLimits.Prefix(c.Network.PodsCidr) is { } pods && pods <= GkeLimits.PodRangePrefixPerNode && total > 1L << (GkeLimits.PodRangePrefixPerNode - pods))
            problems.Add(new Problem(key,
                $"with event {ev.StackName}'s pool of up to {pool.MaxNodes} nodes the cluster can grow to {total} nodes, but its /{pods} Pod range " +
                $"(hubinfra:cluster.network.podsCidr of {community.StackName}) holds {1L << (GkeLimits.PodRangePrefixPerNode - pods)} at {GkeLimits.DefaultMaxPodsPerNode} Pods per node; {fix}"));
        if (c.Network.Create && GkeLimits.Prefix(c.Network.NodesCidr) is { } nodes && total > (1L << (32 - nodes)) - GkeLimits.UnusableAddressesPerSubnet)
            problems.Add(new Problem(key,
                $"with event {ev.StackName}'s pool the cluster can grow to {total} nodes, but the /{nodes} nodes' subnet (hubinfra:cluster.network.nodesCidr of {community.StackName}) " +
                $"has {(1L << (32 - nodes)) - GkeLimits.UnusableAddressesPerSubnet} usable addresses; {fix}"));
    }
}
