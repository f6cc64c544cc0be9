using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using Pulumi;
using Gcp = Pulumi.Gcp;
using ContainerInputs = Pulumi.Gcp.Container.Inputs;

namespace HubInfra.Components;

/// <summary>
/// A GKE node pool from a <see cref="NodePoolPlan"/>: z2jh labels and taints, autoscaling totals, shielded nodes
/// with GKE metadata (Workload Identity), legacy endpoints off, image streaming, optional GPUs. Named with a prefix
/// so a replacement is created before the old pool is deleted; drift of the initial node count is ignored.
/// </summary>
public sealed class GkeNodePool : HubInfraComponent
{
    public GkeNodePool(string name, GkeNodePoolArgs args, ComponentResourceOptions? options = null)
        : base(nameof(GkeNodePool), name, options, new Alias { Type = "hubinfra:gke:NodePool" })
    {
        var plan = args.Plan;
        var nodeConfig = new ContainerInputs.NodePoolNodeConfigArgs
        {
            MachineType = plan.MachineType,
            DiskSizeGb = plan.DiskSizeGb,
            DiskType = plan.DiskType,
            Spot = plan.Spot,
            ServiceAccount = args.ServiceAccountEmail,
            OauthScopes = { "https://www.googleapis.com/auth/cloud-platform" },
            WorkloadMetadataConfig = new ContainerInputs.NodePoolNodeConfigWorkloadMetadataConfigArgs { Mode = "GKE_METADATA" },
            ShieldedInstanceConfig = new ContainerInputs.NodePoolNodeConfigShieldedInstanceConfigArgs { EnableSecureBoot = true, EnableIntegrityMonitoring = true },
            Metadata = { { "disable-legacy-endpoints", "true" } },
            GcfsConfig = new ContainerInputs.NodePoolNodeConfigGcfsConfigArgs { Enabled = plan.ImageStreaming },
        };
        foreach (var (key, value) in plan.NodeLabels)
            nodeConfig.Labels.Add(key, value);
        foreach (var taint in plan.Taints)
            nodeConfig.Taints.Add(new ContainerInputs.NodePoolNodeConfigTaintArgs { Key = taint.Key, Value = taint.Value, Effect = taint.Effect });
        // Pulumi.Gcp 9.35.0: NodePoolNodeConfigArgs.SecondaryBootDisks, NodePoolNodeConfigSecondaryBootDiskArgs {DiskImage, Mode}.
        // A new disk image replaces the pool; the name prefix lets Pulumi create the new pool before deleting the old.
        if (plan.SecondaryBootDiskImage is { } diskImage)
            nodeConfig.SecondaryBootDisks.Add(new ContainerInputs.NodePoolNodeConfigSecondaryBootDiskArgs
            {
                DiskImage = diskImage,
                Mode = NodePoolPlan.ContainerImageCacheMode,
            });
        if (plan.Gpu is { } gpu)
            nodeConfig.GuestAccelerators.Add(new ContainerInputs.NodePoolNodeConfigGuestAcceleratorArgs
            {
                Type = gpu.Type,
                Count = gpu.Count,
                GpuDriverInstallationConfig = new ContainerInputs.NodePoolNodeConfigGuestAcceleratorGpuDriverInstallationConfigArgs { GpuDriverVersion = gpu.DriverVersion },
            });

        NodePool = new Gcp.Container.NodePool(name, new Gcp.Container.NodePoolArgs
        {
            NamePrefix = plan.NamePrefix,
            Cluster = args.Cluster,
            Location = args.Location,
            Project = args.Project,
            InitialNodeCount = plan.MinNodes,
            Autoscaling = new ContainerInputs.NodePoolAutoscalingArgs
            {
                TotalMinNodeCount = plan.MinNodes,
                TotalMaxNodeCount = plan.MaxNodes,
                LocationPolicy = plan.Purpose == NodePurpose.User ? "ANY" : "BALANCED",
            },
            Management = new ContainerInputs.NodePoolManagementArgs { AutoRepair = true, AutoUpgrade = true },
            NodeConfig = nodeConfig,
        }, PoolOptions(plan.Protect));

        RegisterOutputs(new Dictionary<string, object?> { ["name"] = NodePool.Name });
    }

    /// <summary>Waits for what the component waits for (the node service account's roles).</summary>
    private CustomResourceOptions PoolOptions(bool protect)
    {
        var options = Child(protect);
        options.IgnoreChanges = ["initialNodeCount"];
        return options;
    }

    public Gcp.Container.NodePool NodePool { get; }
}
