using System.Globalization;
using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Validation;

/// <summary>
/// GKE's and Compute Engine's size and name limits that a community stack must fit, checked offline.
/// </summary>
/// <remarks>
/// Sources:
/// <list type="bullet">
/// <item>GKE "Quotas and limits" (https://cloud.google.com/kubernetes-engine/quotas), Standard clusters: 15,000 nodes per
/// cluster, 1,000 nodes per node pool zone, 256 Pods per node at most.</item>
/// <item>GKE "Configure maximum Pods per node" (https://cloud.google.com/kubernetes-engine/docs/how-to/flexible-pod-cidr):
/// Standard clusters default to 110 Pods per node and give each node a range of twice that rounded up to a power of
/// two — a /24 — out of the cluster's Pod range, so a /N Pod range holds 2^(24−N) nodes.</item>
/// <item>VPC "Subnets" (https://cloud.google.com/vpc/docs/subnets#unusable-ip-addresses-in-every-subnet): four addresses
/// of every primary range are unusable; each node takes one address of the nodes' (primary) range.</item>
/// <item>Compute Engine "About Persistent Disk" / "About Hyperdisk" (https://cloud.google.com/compute/docs/disks/persistent-disks,
/// https://cloud.google.com/compute/docs/disks/hyperdisks): a disk is at most 64 TiB (65,536 GB); GKE's smallest boot disk is 10 GB.</item>
/// <item>IAM service account ids (https://cloud.google.com/iam/docs/service-accounts-create): 6–30 characters of
/// lowercase letters, digits and '-'.</item>
/// </list>
/// </remarks>
public static class GkeLimits
{
    public const int NodesPerCluster = 15_000;

    public const int NodesPerPoolZone = 1_000;

    /// <summary>Standard clusters' default <c>max_pods_per_node</c> (HubInfra does not change it).</summary>
    public const int DefaultMaxPodsPerNode = 110;

    /// <summary>The per-node Pod range at 110 Pods per node: 256 addresses.</summary>
    public const int PodRangePrefixPerNode = 24;

    public const int UnusableAddressesPerSubnet = 4;

    /// <summary>A region has at least three zones; a regional cluster without nodeLocations uses three of them.</summary>
    public const int DefaultRegionalZones = 3;

    /// <summary>How many zones a pool's nodes spread over.</summary>
    public static int ZonesOf(ClusterSettings cluster) =>
        cluster.Regional ? (cluster.NodeLocations.Count > 0 ? cluster.NodeLocations.Count : DefaultRegionalZones) : Math.Max(1, cluster.NodeLocations.Count);

    public static void Check(CommunityStack stack, List<Problem> problems)
    {
        var c = stack.Cluster;
        var zones = ZonesOf(c);
        foreach (var pool in stack.AllPools)
        {
            if (pool.MaxNodes > NodesPerPoolZone * zones)
                problems.Add(new Problem(pool.Key + ".maxNodeCount",
                    $"{pool.MaxNodes} nodes over {Plural.Of(zones, "zone")} is more than GKE's {NodesPerPoolZone} nodes per node pool per zone ({NodesPerPoolZone * zones} in all); " +
                    "lower maxNodeCount, add zones to cluster.nodeLocations, or split the pool in two"));
        }

        var total = stack.AllPools.Sum(p => (long)p.MaxNodes);
        if (total > NodesPerCluster)
            problems.Add(new Problem("hubinfra:nodePools",
                $"the pools can grow to {total} nodes, more than GKE's {NodesPerCluster} nodes per cluster; lower the pools' maxNodeCount"));

        if (Prefix(c.Network.PodsCidr) is { } pods && pods <= PodRangePrefixPerNode)
        {
            var capacity = 1L << (PodRangePrefixPerNode - pods);
            if (total > capacity)
                problems.Add(new Problem("hubinfra:cluster.network.podsCidr",
                    $"a /{pods} Pod range holds {capacity} nodes at GKE's {DefaultMaxPodsPerNode} Pods per node (a /{PodRangePrefixPerNode} each), but the pools can grow to {total}; " +
                    $"use a /{PrefixFor(total, PodRangePrefixPerNode)} or larger, or lower the pools' maxNodeCount"));
        }
        else if (Prefix(c.Network.PodsCidr) is { } tooSmall)
        {
            problems.Add(new Problem("hubinfra:cluster.network.podsCidr",
                $"a /{tooSmall} Pod range cannot hold even one node's /{PodRangePrefixPerNode}; use e.g. 10.20.0.0/14"));
        }

        if (c.Network.Create && Prefix(c.Network.NodesCidr) is { } nodes)
        {
            var usable = Math.Max(0, (1L << (32 - nodes)) - UnusableAddressesPerSubnet);
            if (total > usable)
                problems.Add(new Problem("hubinfra:cluster.network.nodesCidr",
                    $"a /{nodes} subnet has {usable} usable addresses (4 are reserved), but the pools can grow to {total} nodes, one address each; " +
                    $"use a /{PrefixFor(total + UnusableAddressesPerSubnet, 32)} or larger"));
        }

        // The id is the cluster name + "-nodes", cut to 30 by Naming.Label: check the whole id, or two clusters of one
        // project whose names share their first 24 characters would share (and destroy) one node service account.
        var accountId = Naming.NodeServiceAccountId(stack.Cluster.Name);
        var wholeId = $"{stack.Cluster.Name}-nodes";
        if (accountId.Length is < 6 or > 30 || !Naming.IsLabel(accountId, 30) || accountId != wholeId)
            problems.Add(new Problem("hubinfra:cluster.name",
                $"the node service account id '{wholeId}' derived from the cluster name must have 6-30 lowercase letters, digits and '-' (IAM); choose a cluster name of 1-24 characters"));
    }

    /// <summary>The longest prefix (smallest range) that holds <paramref name="count"/> blocks of /<paramref name="blockPrefix"/>.</summary>
    private static int PrefixFor(long count, int blockPrefix)
    {
        var bits = 0;
        while ((1L << bits) < count) bits++;
        return blockPrefix - bits;
    }

    /// <summary>The prefix length of a CIDR block (<c>10.20.0.0/14</c>: 14), or null when it is none.</summary>
    public static int? Prefix(string cidr)
    {
        if (!CommunityValidator.IsCidr(cidr, null)) return null;
        return int.Parse(cidr[(cidr.IndexOf('/') + 1)..], CultureInfo.InvariantCulture);
    }
}
