using System.Text.Json.Serialization;

namespace HubInfra.Core.Planning.Document;

/// <summary>A community node pool as it will be created, with what one node offers and costs.</summary>
public sealed record NodePoolDocument(
    string Name,
    string NamePrefix,
    string Purpose,
    string MachineType,
    AutoscalingDocument Autoscaling,
    bool Spot,
    int DiskSizeGb,
    string DiskType,
    bool ImageStreaming,
    GpuDocument? Gpu,
    IReadOnlyDictionary<string, string> Labels,
    IReadOnlyList<TaintDocument> Taints,
    double AllocatableCpu,
    double AllocatableMemoryGiB,
    decimal HourlyPrice,
    bool Protect)
{
    /// <summary>The secondary boot disk that caches container images; left out when the pool has none.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SecondaryBootDiskDocument? SecondaryBootDisk { get; init; }
}

/// <summary>GKE's total node counts the autoscaler keeps between.</summary>
public sealed record AutoscalingDocument(int TotalMinNodeCount, int TotalMaxNodeCount);

/// <summary>The GPUs on each node.</summary>
public sealed record GpuDocument(string Type, int Count, string DriverVersion);

/// <summary>A node taint as GKE spells it.</summary>
public sealed record TaintDocument(string Key, string Value, string Effect);

/// <summary>A secondary boot disk: its image and GKE's mode.</summary>
public sealed record SecondaryBootDiskDocument(string DiskImage, string Mode);
