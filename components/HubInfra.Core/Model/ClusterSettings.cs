using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Model;

/// <summary>A CIDR allowed to reach the cluster's control plane (GKE <c>master_authorized_networks_config</c>).</summary>
public sealed record AuthorizedNetwork(string CidrBlock, string DisplayName);

/// <summary>The VPC the cluster runs in. When <see cref="Create"/> is true the stack creates it.</summary>
public sealed record NetworkSettings(bool Create, string Network, string Subnetwork, string NodesCidr, string PodsCidr, string ServicesCidr);

/// <summary>A period in which GKE must not upgrade the cluster, within <see cref="Scope"/> (<c>NO_UPGRADES</c> unless set).</summary>
public sealed record MaintenanceExclusionSettings(string Name, Instant Start, Instant End, ExclusionScope Scope = ExclusionScope.NoUpgrades)
{
    public MaintenanceExclusion AsExclusion() => new(Name, Start, End, Scope);
}

/// <summary>The GKE cluster (<c>hubinfra:cluster</c>).</summary>
public sealed record ClusterSettings(
    string Name,
    bool Regional,
    IReadOnlyList<string> NodeLocations,
    string ReleaseChannel,
    bool PrivateNodes,
    string MasterIpv4CidrBlock,
    IReadOnlyList<AuthorizedNetwork> MasterAuthorizedNetworks,
    NetworkSettings Network,
    bool DeletionProtection,
    IReadOnlyList<MaintenanceExclusionSettings> MaintenanceExclusions)
{
    /// <summary><c>maintenanceWindow</c>, or the default: nightly 01:00–05:00 in the region's time zone.</summary>
    public ClusterMaintenanceWindow MaintenanceWindow { get; init; } = ClusterMaintenanceWindow.DefaultFor("");
}
