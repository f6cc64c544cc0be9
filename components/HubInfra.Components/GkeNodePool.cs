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
public sealed class GkeNodePool : ComponentResource
{
    public GkeNodePool(string name, NodePoolPlan plan, Input<string> cluster, Input<string> location, string project,
        Input<string> serviceAccountEmail, ComponentResourceOptions? options = null)
        : base("hubinfra:gke:NodePool", name, options)
    {
        var nodeConfig = new ContainerInputs.NodePoolNodeConfigArgs
        {
            MachineType = plan.MachineType,
            DiskSizeGb = plan.DiskSizeGb,
            DiskType = plan.DiskType,
            Spot = plan.Spot,
            ServiceAccount = serviceAccountEmail,
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
            Cluster = cluster,
            Location = location,
            Project = project,
            InitialNodeCount = plan.MinNodes,
            Autoscaling = new ContainerInputs.NodePoolAutoscalingArgs
            {
                TotalMinNodeCount = plan.MinNodes,
                TotalMaxNodeCount = plan.MaxNodes,
                LocationPolicy = plan.Purpose == NodePurpose.User ? "ANY" : "BALANCED",
            },
            Management = new ContainerInputs.NodePoolManagementArgs { AutoRepair = true, AutoUpgrade = true },
            NodeConfig = nodeConfig,
        }, new CustomResourceOptions
        {
            Parent = this,
            Protect = plan.Protect,
            IgnoreChanges = { "initialNodeCount" },
            // What the component waits for (the node service account's roles) the pool itself waits for.
            DependsOn = options?.DependsOn ?? new InputList<Resource>(),
        });

        RegisterOutputs(new Dictionary<string, object?> { ["name"] = NodePool.Name });
    }

    public Gcp.Container.NodePool NodePool { get; }
}
