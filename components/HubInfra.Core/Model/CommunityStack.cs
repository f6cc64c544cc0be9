namespace HubInfra.Core.Model;

/// <summary>A community stack (or a local one) bound from config: everything <c>pulumi up</c> needs.</summary>
public sealed record CommunityStack(
    string StackName,
    StackKind Kind,
    string Project,
    string Region,
    ClusterSettings Cluster,
    NodePoolSettings CorePool,
    IReadOnlyList<NodePoolSettings> UserPools,
    IReadOnlyList<HubSettings> Hubs,
    BudgetSettings? Budget,
    CapacitySettings Capacity,
    LocalSettings? Local)
{
    public IEnumerable<NodePoolSettings> AllPools => UserPools.Prepend(CorePool);
}
