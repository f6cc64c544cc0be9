using HubInfra.Core.Capacity;
using HubInfra.Core.Model;

namespace HubInfra.Core.Planning;

/// <summary>A node taint as GKE spells it (effect NO_SCHEDULE, PREFER_NO_SCHEDULE or NO_EXECUTE).</summary>
public sealed record TaintPlan(string Key, string Value, string Effect);

/// <summary>
/// A node pool as it will be created. <see cref="NamePrefix"/> (not a fixed name) lets Pulumi create a replacement
/// pool before deleting the old one; pods select pools by the <see cref="Labels.NodePool"/> label instead.
/// </summary>
public sealed record NodePoolPlan(
    string Name,
    string NamePrefix,
    NodePurpose Purpose,
    string MachineType,
    int MinNodes,
    int MaxNodes,
    bool Spot,
    int DiskSizeGb,
    string DiskType,
    bool ImageStreaming,
    GpuSettings? Gpu,
    IReadOnlyDictionary<string, string> NodeLabels,
    IReadOnlyList<TaintPlan> Taints,
    double AllocatableCpu,
    double AllocatableMemoryGiB,
    double HourlyPrice)
{
    /// <summary>
    /// Never protected, the core pool included. A change GKE cannot make in place (machine type, disk, …) replaces the
    /// pool: Pulumi creates the new one first under a fresh name from <see cref="NamePrefix"/>, then deletes the old one,
    /// whose nodes GKE drains, so the hub moves to the new pool. Protecting the core pool would make that change fail.
    /// </summary>
    public bool Protect => false;

    /// <summary>The secondary boot disk's image (mode <see cref="ContainerImageCacheMode"/>), or none.</summary>
    public string? SecondaryBootDiskImage { get; init; }

    /// <summary>GKE's <c>SecondaryBootDisk.mode</c> for a disk that caches container images.</summary>
    public const string ContainerImageCacheMode = "CONTAINER_IMAGE_CACHE";

    public static NodePoolPlan From(NodePoolSettings pool, CapacitySettings capacity, string? eventName = null)
    {
        var labels = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [Labels.NodePurpose] = pool.Purpose == NodePurpose.Core ? "core" : "user",
            [Labels.NodePool] = pool.Name,
        };
        if (eventName is not null)
            labels[Labels.Event] = eventName;
        var taints = pool.Purpose == NodePurpose.User
            ? new List<TaintPlan> { new(Labels.DedicatedTaint, "user", "NO_SCHEDULE") }
            : [];
        double cpu = 0, mem = 0, price = 0;
        if (Capacity.MachineTypeCatalog.TryGet(pool.MachineType, out var machine))
        {
            var alloc = SeatPlanner.Allocatable(machine, capacity, pool.ImageStreaming);
            cpu = Math.Round(alloc.CpuCores, 3);
            mem = Math.Round(alloc.MemoryGiB, 3);
            try
            {
                price = Math.Round(capacity.Prices.NodeHourly(machine, pool.Spot, pool.Gpu?.Type, pool.Gpu?.Count ?? 0), 4);
            }
            catch (KeyNotFoundException)
            {
                price = 0;
            }
        }
        var prefix = eventName is null ? pool.Name : Naming.Label($"{eventName}-{pool.Name}", Naming.NodePoolNameMax);
        return new NodePoolPlan(pool.Name, prefix + "-", pool.Purpose, pool.MachineType, pool.MinNodes, pool.MaxNodes, pool.Spot,
            pool.DiskSizeGb, pool.DiskType, pool.ImageStreaming, pool.Gpu, labels, taints, cpu, mem, price)
        {
            SecondaryBootDiskImage = pool.SecondaryBootDiskImage,
        };
    }
}
