using HubInfra.Core.Model;

namespace HubInfra.Core.Planning;

/// <summary>The desired state of a community (or local) stack: plain data the Pulumi shell maps to resources.</summary>
public sealed record CommunityPlan(CommunityStack Stack, ClusterPlan? Cluster, IReadOnlyList<NodePoolPlan> NodePools, IReadOnlyList<HubPlan> Hubs)
{
    /// <param name="exclusions">The cluster's maintenance exclusions with those its events need
    /// (<see cref="CommunityEvents.Exclusions"/>); the stack file's own when null.</param>
    public static CommunityPlan From(CommunityStack stack, CommunityExclusions? exclusions = null)
    {
        if (stack.Kind == StackKind.Local)
            return new CommunityPlan(stack, null, [], stack.Hubs.Select(h => HubPlan.From(h, stack)).ToList());
        var cluster = ClusterPlan.From(stack);
        if (exclusions is not null)
            cluster = cluster with { MaintenanceExclusions = exclusions.Exclusions, MaintenanceExclusionNotes = exclusions.Notes };
        var pools = stack.AllPools.Select(p => NodePoolPlan.From(p, stack.Capacity)).ToList();
        var hubs = stack.Hubs.Select(h => HubPlan.From(h, stack)).ToList();
        return new CommunityPlan(stack, cluster, pools, hubs);
    }

    /// <summary>The pools a hub's release waits for: the core pool (hub, proxy) and its profiles' pools (the image pre-puller).</summary>
    public IReadOnlyList<NodePoolPlan> PoolsNeededBy(HubPlan hub)
    {
        var settings = Stack.Hubs.Single(h => h.Name == hub.Name);
        return NodePools.Where(p => p.Purpose == NodePurpose.Core || settings.Profiles.Any(profile => profile.NodePool == p.Name)).ToList();
    }
}
