using HubInfra.Core.Planning;
using Pulumi;

namespace HubInfra.Components;

/// <summary>The inputs of a <see cref="GkeNodePool"/>: the core's plan of the pool and the cluster it joins.</summary>
/// <param name="ServiceAccountEmail">The nodes' (least-privilege) service account.</param>
public sealed record GkeNodePoolArgs(
    NodePoolPlan Plan, Input<string> Cluster, Input<string> Location, string Project, Input<string> ServiceAccountEmail);
