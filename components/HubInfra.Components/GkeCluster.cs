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
public sealed class GkeCluster : HubInfraComponent
{
    public GkeCluster(string name, GkeClusterArgs args, ComponentResourceOptions? options = null)
        : base(nameof(GkeCluster), name, options, new Alias { Type = "hubinfra:gke:Cluster" })
    {
        var plan = args.Plan;
        var child = Child();

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

            if (plan.Nat is { } nat)
            {
                Router = new Gcp.Compute.Router(nat.RouterName, new Gcp.Compute.RouterArgs
                {
                    Name = nat.RouterName,
                    Project = plan.Project,
                    Region = plan.Region,
                    Network = net.Id,
                }, child);
                Nat = new Gcp.Compute.RouterNat(nat.NatName, new Gcp.Compute.RouterNatArgs
                {
                    Name = nat.NatName,
                    Project = plan.Project,
                    Region = plan.Region,
                    Router = Router.Name,
                    NatIpAllocateOption = "AUTO_ONLY",
                    SourceSubnetworkIpRangesToNat = "LIST_OF_SUBNETWORKS",
                    Subnetworks =
                    {
                        new Gcp.Compute.Inputs.RouterNatSubnetworkArgs { Name = subnet.Id, SourceIpRangesToNats = { "ALL_IP_RANGES" } },
                    },
                    LogConfig = new Gcp.Compute.Inputs.RouterNatLogConfigArgs { Enable = true, Filter = nat.LogFilter },
                }, child);
            }
        }

        NodeServiceAccount = new Gcp.ServiceAccount.Account(plan.NodeServiceAccountId, new Gcp.ServiceAccount.AccountArgs
        {
            AccountId = plan.NodeServiceAccountId,
            Project = plan.Project,
            DisplayName = $"GKE nodes of {plan.Name} (least privilege)",
        }, child);
        var grants = new List<Gcp.Projects.IAMMember>();
        foreach (var role in plan.NodeServiceAccountRoles)
        {
            grants.Add(new Gcp.Projects.IAMMember($"{plan.NodeServiceAccountId}-{role.Split('/')[^1]}", new Gcp.Projects.IAMMemberArgs
            {
                Project = plan.Project,
                Role = role,
                Member = NodeServiceAccount.Member,
            }, child));
        }
        NodeServiceAccountGrants = grants;

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
            // The temporary default pool (deleted right away, removeDefaultNodePool) runs as the least-privilege account
            // too: projects that disable the Compute Engine default service account would refuse the cluster otherwise.
            NodeConfig = new ContainerInputs.ClusterNodeConfigArgs
            {
                ServiceAccount = NodeServiceAccount.Email,
                OauthScopes = { "https://www.googleapis.com/auth/cloud-platform" },
                ShieldedInstanceConfig = new ContainerInputs.ClusterNodeConfigShieldedInstanceConfigArgs { EnableSecureBoot = true, EnableIntegrityMonitoring = true },
                WorkloadMetadataConfig = new ContainerInputs.ClusterNodeConfigWorkloadMetadataConfigArgs { Mode = "GKE_METADATA" },
            },
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

        var clusterOptions = Child(protect: plan.DeletionProtection);
        // nodeConfig only shapes the temporary default pool; the real pools are separate resources.
        clusterOptions.IgnoreChanges = ["initialNodeCount", "nodeConfig"];
        // The default pool's nodes must be able to write logs and pull images as soon as they boot.
        foreach (var grant in grants)
            clusterOptions.DependsOn.Add(grant);
        if (Nat is not null)
            clusterOptions.DependsOn.Add(Nat);
        Cluster = new Gcp.Container.Cluster(plan.Name, clusterArgs, clusterOptions);

        Kubeconfig = Output.CreateSecret(Output.Tuple(Cluster.Name, Cluster.Endpoint, Cluster.MasterAuth)
            .Apply(t => Components.Kubeconfig.ForGke(t.Item1, t.Item2, t.Item3.ClusterCaCertificate ?? "")));
        Provider = new Pulumi.Kubernetes.Provider($"{name}-k8s", KubernetesProviders.ForKubeconfig(Kubeconfig), Child());

        RegisterOutputs(new Dictionary<string, object?> { ["name"] = Cluster.Name, ["location"] = Cluster.Location, ["kubeconfig"] = Kubeconfig });
    }

    /// <summary>A daily window for GKE's maintenance, and a NO_UPGRADES exclusion per planned exclusion (events).</summary>
    private static ContainerInputs.ClusterMaintenancePolicyArgs MaintenancePolicyOf(ClusterPlan plan)
    {
        var policy = new ContainerInputs.ClusterMaintenancePolicyArgs
        {
            // The window in local night, as GKE takes it: a UTC RRULE with its first opening (ClusterPlan.RecurringWindow).
            RecurringWindow = new ContainerInputs.ClusterMaintenancePolicyRecurringWindowArgs
            {
                StartTime = plan.RecurringWindow.StartTime,
                EndTime = plan.RecurringWindow.EndTime,
                Recurrence = plan.RecurringWindow.Recurrence,
            },
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

    /// <summary>The node service account's project roles: node pools wait for them.</summary>
    public IReadOnlyList<Gcp.Projects.IAMMember> NodeServiceAccountGrants { get; }

    /// <summary>The Cloud Router and NAT of a created network for private nodes (<see cref="ClusterPlan.Nat"/>), else null.</summary>
    public Gcp.Compute.Router? Router { get; }

    public Gcp.Compute.RouterNat? Nat { get; }

    /// <summary>Uses gke-gcloud-auth-plugin; a secret because it names the endpoint and CA of the cluster.</summary>
    public Output<string> Kubeconfig { get; }

    public Pulumi.Kubernetes.Provider Provider { get; }
}
