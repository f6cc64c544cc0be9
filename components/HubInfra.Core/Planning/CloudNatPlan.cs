using HubInfra.Core.Model;
namespace HubInfra.Core.Planning;

/// <summary>
/// A Cloud Router and Cloud NAT for the nodes' subnet: private nodes have no external address, so without it they
/// cannot pull images (quay.io, ghcr.io) and the hub cannot reach GitHub OAuth or Let's Encrypt. NAT addresses are
/// allocated automatically; only errors are logged (translations are not, they would be billed as logs).
/// </summary>
public sealed record CloudNatPlan(string RouterName, string NatName, string LogFilter)
{
    /// <summary>One when the stack creates the network for private nodes; none otherwise (an existing network brings its own).</summary>
    public static CloudNatPlan? For(Model.ClusterSettings cluster) =>
        cluster.PrivateNodes && cluster.Network.Create
            ? new CloudNatPlan(Naming.Label($"{cluster.Network.Network}-router"), Naming.Label($"{cluster.Network.Network}-nat"), "ERRORS_ONLY")
            : null;
}
