using HubInfra.Core.Model;
using HubInfra.Core.Schedule;

namespace HubInfra.Core.Planning;

/// <summary>The GKE cluster as it will be created, with its hardened defaults spelled out.</summary>
public sealed record ClusterPlan(
    string Name,
    string Project,
    string Region,
    string Location,
    IReadOnlyList<string> NodeLocations,
    string ReleaseChannel,
    string WorkloadPool,
    string DatapathProvider,
    bool PrivateNodes,
    string MasterIpv4CidrBlock,
    IReadOnlyList<AuthorizedNetwork> MasterAuthorizedNetworks,
    NetworkSettings Network,
    bool DeletionProtection,
    string NodeServiceAccountId,
    IReadOnlyList<string> NodeServiceAccountRoles,
    IReadOnlyList<ClusterExclusion> MaintenanceExclusions,
    CloudNatPlan? Nat)
{
    /// <summary>
    /// What GKE's own default node service account would get, minus everything else: log and metric writing, and
    /// image pulls from Artifact Registry (Google's <c>roles/container.defaultNodeServiceAccount</c> bundles the first).
    /// </summary>
    public static readonly IReadOnlyList<string> LeastPrivilegeRoles =
    [
        "roles/container.defaultNodeServiceAccount",
        "roles/artifactregistry.reader",
    ];

    /// <summary>The node service account's e-mail (event pools run as it too).</summary>
    public string NodeServiceAccountEmail => $"{NodeServiceAccountId}@{Project}.iam.gserviceaccount.com";

    public static ClusterPlan From(CommunityStack stack)
    {
        var c = stack.Cluster;
        var location = c.Regional ? stack.Region : c.NodeLocations.FirstOrDefault() ?? stack.Region + "-a";
        var nodeLocations = c.Regional ? c.NodeLocations : c.NodeLocations.Skip(1).ToList();
        return new ClusterPlan(
            c.Name,
            stack.Project,
            stack.Region,
            location,
            nodeLocations,
            c.ReleaseChannel,
            $"{stack.Project}.svc.id.goog",
            "ADVANCED_DATAPATH",
            c.PrivateNodes,
            c.MasterIpv4CidrBlock,
            c.MasterAuthorizedNetworks,
            c.Network,
            c.DeletionProtection,
            Naming.NodeServiceAccountId(c.Name),
            LeastPrivilegeRoles,
            c.MaintenanceExclusions.Select(e => new ClusterExclusion(e.Name, e.Start, e.End, e.Scope, ClusterExclusion.StackFile)).ToList(),
            CloudNatPlan.For(c))
        {
            MaintenanceWindow = c.MaintenanceWindow,
        };
    }

    /// <summary>How the events' exclusions were fitted to GKE's rules, and those left out (<see cref="CommunityExclusions.Notes"/>).</summary>
    public IReadOnlyList<string> MaintenanceExclusionNotes { get; init; } = [];

    /// <summary>The maintenance window as configured (local time in a named zone).</summary>
    public ClusterMaintenanceWindow MaintenanceWindow { get; init; } = ClusterMaintenanceWindow.DefaultFor("");

    /// <summary>The same window as GKE's UTC recurring window (<c>maintenancePolicy.recurringWindow</c>).</summary>
    public Schedule.GkeRecurringWindow RecurringWindow => Schedule.GkeRecurringWindow.From(MaintenanceWindow);

}
