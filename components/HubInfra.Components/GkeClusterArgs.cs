using HubInfra.Core.Planning;

namespace HubInfra.Components;

/// <summary>The inputs of a <see cref="GkeCluster"/>: the core's plan of the cluster and its network.</summary>
public sealed record GkeClusterArgs(ClusterPlan Plan);
