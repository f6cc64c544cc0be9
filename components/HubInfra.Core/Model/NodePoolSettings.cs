using HubInfra.Core.Capacity;

namespace HubInfra.Core.Model;

/// <summary>What a node pool is for: z2jh's <c>hub.jupyter.org/node-purpose</c> label.</summary>
public enum NodePurpose
{
    Core,
    User,
}

/// <summary>A GKE node pool as configured (<c>hubinfra:nodePools.core</c> or <c>hubinfra:nodePools.user[i]</c>).</summary>
/// <param name="MinNodes">Autoscaling minimum, total across the pool's zones (GKE <c>total_min_node_count</c>).</param>
/// <param name="MaxNodes">Autoscaling maximum, total across the pool's zones (GKE <c>total_max_node_count</c>).</param>
public sealed record NodePoolSettings(
    string Name,
    NodePurpose Purpose,
    string MachineType,
    int MinNodes,
    int MaxNodes,
    bool Spot,
    int DiskSizeGb,
    string DiskType,
    bool ImageStreaming,
    GpuSettings? Gpu,
    string Key)
{
    /// <summary>
    /// A disk image (<c>global/images/NAME</c> or <c>projects/PROJECT/global/images/NAME</c>) that GKE attaches to
    /// every new node as a secondary boot disk in <c>CONTAINER_IMAGE_CACHE</c> mode, so the images on it need no pull.
    /// </summary>
    public string? SecondaryBootDiskImage { get; init; }
}
