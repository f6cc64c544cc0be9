using HubInfra.Core.Planning;
using HubInfra.Core.Schedule;
using NodaTime.Text;
using Pulumi;
using Gcp = Pulumi.Gcp;
using ContainerInputs = Pulumi.Gcp.Container.Inputs;

namespace HubInfra.Components;

/// <summary>
/// The GKE cluster of a community: its VPC (when created), a least-privilege node service account, and the
/// cluster with Workload Identity, Dataplane V2, shielded nodes and the plan's maintenance exclusions.
/// </summary>
public sealed class GkeCluster : ComponentResource
{
    public GkeCluster(string name, ClusterPlan plan, ComponentResourceOptions? options = null)
        : base("hubinfra:gke:Cluster", name, options)
    {
        var child = new CustomResourceOptions { Parent = this };

        Input<string> network = plan.Network.Network;
        Input<string> subnetwork = plan.Network.Subnetwork;
        var podsRange = $"{plan.Network.Subnetwork}-pods";
        var servicesRange = $"{plan.Network.Subnetwork}-services";
        if (plan.Network.Create)
        {
            var net = new Gcp.Compute.Network(plan.Network.Network, new Gcp.Compute.NetworkArgs
            {
                Name = plan.Network.Network,
                Project = plan.Project,
                AutoCreateSubnetworks = false,
            }, child);
            var subnet = new Gcp.Compute.Subnetwork(plan.Network.Subnetwork, new Gcp.Compute.SubnetworkArgs
            {
                Name = plan.Network.Subnetwork,
                Project = plan.Project,
                Region = plan.Region,
                Network = net.Id,
                IpCidrRange = plan.Network.NodesCidr,
                PrivateIpGoogleAccess = true,
                SecondaryIpRanges =
                {
                    new Gcp.Compute.Inputs.SubnetworkSecondaryIpRangeArgs { RangeName = podsRange, IpCidrRange = plan.Network.PodsCidr },
                    new Gcp.Compute.Inputs.SubnetworkSecondaryIpRangeArgs { RangeName = servicesRange, IpCidrRange = plan.Network.ServicesCidr },
                },
            }, child);
            network = net.Id;
            subnetwork = subnet.Id;
        }

        NodeServiceAccount = new Gcp.ServiceAccount.Account(plan.NodeServiceAccountId, new Gcp.ServiceAccount.AccountArgs
        {
            AccountId = plan.NodeServiceAccountId,
            Project = plan.Project,
            DisplayName = $"GKE nodes of {plan.Name} (least privilege)",
        }, child);
        foreach (var role in plan.NodeServiceAccountRoles)
        {
            _ = new Gcp.Projects.IAMMember($"{plan.NodeServiceAccountId}-{role.Split('/')[^1]}", new Gcp.Projects.IAMMemberArgs
            {
                Project = plan.Project,
                Role = role,
                Member = NodeServiceAccount.Member,
            }, child);
        }

        var clusterArgs = new Gcp.Container.ClusterArgs
        {
            Name = plan.Name,
            Project = plan.Project,
            Location = plan.Location,
            RemoveDefaultNodePool = true,
            InitialNodeCount = 1,
            ReleaseChannel = new ContainerInputs.ClusterReleaseChannelArgs { Channel = plan.ReleaseChannel },
            WorkloadIdentityConfig = new ContainerInputs.ClusterWorkloadIdentityConfigArgs { WorkloadPool = plan.WorkloadPool },
            DatapathProvider = plan.DatapathProvider,
            EnableShieldedNodes = true,
            DeletionProtection = plan.DeletionProtection,
            Network = network,
            Subnetwork = subnetwork,
            IpAllocationPolicy = plan.Network.Create
                ? new ContainerInputs.ClusterIpAllocationPolicyArgs { ClusterSecondaryRangeName = podsRange, ServicesSecondaryRangeName = servicesRange }
                : new ContainerInputs.ClusterIpAllocationPolicyArgs { ClusterIpv4CidrBlock = plan.Network.PodsCidr, ServicesIpv4CidrBlock = plan.Network.ServicesCidr },
            MaintenancePolicy = MaintenancePolicyOf(plan),
        };
        foreach (var location in plan.NodeLocations)
            clusterArgs.NodeLocations.Add(location);
        if (plan.PrivateNodes)
            clusterArgs.PrivateClusterConfig = new ContainerInputs.ClusterPrivateClusterConfigArgs
            {
                EnablePrivateNodes = true,
                EnablePrivateEndpoint = false,
                MasterIpv4CidrBlock = plan.MasterIpv4CidrBlock,
            };
        if (plan.MasterAuthorizedNetworks.Count > 0)
        {
            var authorized = new ContainerInputs.ClusterMasterAuthorizedNetworksConfigArgs();
            foreach (var n in plan.MasterAuthorizedNetworks)
                authorized.CidrBlocks.Add(new ContainerInputs.ClusterMasterAuthorizedNetworksConfigCidrBlockArgs { CidrBlock = n.CidrBlock, DisplayName = n.DisplayName });
            clusterArgs.MasterAuthorizedNetworksConfig = authorized;
        }

        Cluster = new Gcp.Container.Cluster(plan.Name, clusterArgs, new CustomResourceOptions
        {
            Parent = this,
            Protect = plan.DeletionProtection,
            IgnoreChanges = { "initialNodeCount" },
        });

        Kubeconfig = Output.CreateSecret(Output.Tuple(Cluster.Name, Cluster.Endpoint, Cluster.MasterAuth)
            .Apply(t => Components.Kubeconfig.ForGke(t.Item1, t.Item2, t.Item3.ClusterCaCertificate ?? "")));
        Provider = new Pulumi.Kubernetes.Provider($"{name}-k8s", new Pulumi.Kubernetes.ProviderArgs { KubeConfig = Kubeconfig }, new CustomResourceOptions { Parent = this });

        RegisterOutputs(new Dictionary<string, object?> { ["name"] = Cluster.Name, ["location"] = Cluster.Location, ["kubeconfig"] = Kubeconfig });
    }

    /// <summary>A daily window for GKE's maintenance, and a NO_UPGRADES exclusion per planned exclusion (events).</summary>
    private static ContainerInputs.ClusterMaintenancePolicyArgs MaintenancePolicyOf(ClusterPlan plan)
    {
        var policy = new ContainerInputs.ClusterMaintenancePolicyArgs
        {
            DailyMaintenanceWindow = new ContainerInputs.ClusterMaintenancePolicyDailyMaintenanceWindowArgs { StartTime = plan.DailyMaintenanceStart },
        };
        foreach (var exclusion in plan.MaintenanceExclusions)
        {
            policy.MaintenanceExclusions.Add(new ContainerInputs.ClusterMaintenancePolicyMaintenanceExclusionArgs
            {
                ExclusionName = exclusion.Name,
                StartTime = InstantPattern.General.Format(exclusion.Start),
                EndTime = InstantPattern.General.Format(exclusion.End),
                ExclusionOptions = new ContainerInputs.ClusterMaintenancePolicyMaintenanceExclusionExclusionOptionsArgs { Scope = exclusion.Scope.GkeName() },
            });
        }
        return policy;
    }

    public Gcp.Container.Cluster Cluster { get; }

    public Gcp.ServiceAccount.Account NodeServiceAccount { get; }

    /// <summary>Uses gke-gcloud-auth-plugin; a secret because it names the endpoint and CA of the cluster.</summary>
    public Output<string> Kubeconfig { get; }

    public Pulumi.Kubernetes.Provider Provider { get; }
}
