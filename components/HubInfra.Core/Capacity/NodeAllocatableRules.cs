namespace HubInfra.Core.Capacity;

/// <summary>
/// What the kubelet of a GKE Standard node offers pods, planned so that it never exceeds what the node reports.
/// <para>The rule (README "Events", "The capacity plan" states the same):</para>
/// <list type="number">
/// <item>capacity = nominal memory × <see cref="DefaultKubeletCapacityFactor"/> (0.97) − <see cref="KernelFixedGiB"/>
/// (64 MiB): the kernel keeps a share of the memory (its page tables grow with it) plus a fixed part (its own code and
/// data), so the kubelet's <c>capacity.memory</c> is below the machine type's size, proportionally more on small types;</item>
/// <item>minus GKE's tiered memory reservation (<see cref="ReservedMemoryGiB"/>, computed from the nominal memory) and
/// the 100 MiB hard eviction threshold (https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes,
/// "Memory and CPU reservations");</item>
/// <item>minus, on pools with Image streaming, the memory GKE reserves for it
/// (<see cref="ImageStreamingReservedMemoryGiB"/>; https://cloud.google.com/kubernetes-engine/docs/how-to/image-streaming,
/// "Memory reservation for Image streaming");</item>
/// <item>CPU: vCPUs minus GKE's tiered CPU reservation (<see cref="ReservedCpuCores"/>, same page).</item>
/// </list>
/// <see cref="Measurements"/> lists the published node reports the factor is checked against.
/// </summary>
public static class NodeAllocatableRules
{
    /// <summary>Hard eviction threshold: 100 MiB.</summary>
    public const double EvictionThresholdGiB = 100.0 / 1024;

    /// <summary>
    /// Share of the nominal memory the kubelet reports as capacity: 0.97, the lowest of the published reports rounded
    /// down (97.3% on GKE's example node, 97.6% on the n2-standard-4 of <see cref="Measurements"/>, 97.65% on the
    /// n1-standard-2 of the Kubernetes documentation's GCE example, capacity 7679792Ki), so planned allocatable stays
    /// at or below what GKE reports. GKE computes its reservation from that reported capacity; the planner computes it
    /// from the nominal memory, which reserves a little more. Override it in <c>hubinfra:capacity.kubeletCapacityFactor</c> with
    /// <c>capacity.memory / nominal</c> from kubectl's <c>get node -o yaml</c> of your own nodes.
    /// </summary>
    public const double DefaultKubeletCapacityFactor = 0.97;

    /// <summary>
    /// The part of the kernel's memory that does not grow with the machine: 64 MiB, an assumption (kernel image and
    /// static data) that makes small types proportionally smaller; with it the published reports are still met
    /// within 1.5%.
    /// </summary>
    public const double KernelFixedGiB = 64.0 / 1024;

    /// <summary>
    /// Published reports of real nodes (what kubectl's <c>get node -o yaml</c> shows), which the default rule must not
    /// exceed and should meet within 3%.
    /// </summary>
    public static IReadOnlyList<AllocatableMeasurement> Measurements { get; } =
    [
        // GKE's own example of a node's allocatable (plan-node-sizes, "Check allocatable resources on a node"):
        // a 4-vCPU node with cpu 3920m and memory 13498416Ki allocatable. 3920m is 4 − GKE's 80m CPU reservation;
        // the memory fits a 16 GiB e2-standard-4 reporting 97.3% of its nominal memory (no Image streaming).
        new("e2-standard-4", false, 3.92, 13498416.0 / (1024 * 1024),
            "https://cloud.google.com/kubernetes-engine/docs/concepts/plan-node-sizes (example output)"),
        // A GKE 1.36.3 n2-standard-4 node (COS, containerd 2.2) described in full: capacity 16380004Ki (97.6% of
        // 16 GiB), allocatable cpu 3920m and memory 13591652Ki.
        new("n2-standard-4", false, 3.92, 13591652.0 / (1024 * 1024),
            "github.com/camunda/zeebe-chaos chaos-days/blog/2026-10-08-REST-Performance-validating-with-k6/index.md (kubectl describe node)"),
    ];

    /// <summary>
    /// Memory GKE reserves: 255 MiB on machines with less than 1 GiB; otherwise 25% of the first 4 GiB, 20% of the
    /// next 4 GiB (up to 8), 10% of the next 8 GiB (up to 16), 6% of the next 112 GiB (up to 128) and 2% of
    /// everything above 128 GiB.
    /// </summary>
    public static double ReservedMemoryGiB(double machineMemoryGiB)
    {
        if (machineMemoryGiB < 1) return 255.0 / 1024;
        return Tiered(machineMemoryGiB, [(4, 0.25), (4, 0.20), (8, 0.10), (112, 0.06), (double.PositiveInfinity, 0.02)]);
    }

    /// <summary>
    /// Memory GKE reserves on nodes with Image streaming, on top of <see cref="ReservedMemoryGiB"/>: none up to 1 GiB;
    /// otherwise 10% of the first 4 GiB, 8% of the next 4 GiB, 4% of the next 8 GiB, 2.4% of the next 112 GiB and
    /// 0.8% above 128 GiB (GKE image-streaming page; the same tiers are encoded by
    /// github.com/hatemosphere/gke-node-allocatable-memory-calculator).
    /// </summary>
    public static double ImageStreamingReservedMemoryGiB(double machineMemoryGiB)
    {
        if (machineMemoryGiB <= 1) return 0;
        return Tiered(machineMemoryGiB, [(4, 0.10), (4, 0.08), (8, 0.04), (112, 0.024), (double.PositiveInfinity, 0.008)]);
    }

    /// <summary>CPU GKE reserves: 6% of the first core, 1% of the next (up to 2), 0.5% of the next 2 (up to 4), 0.25% of every core above 4.</summary>
    public static double ReservedCpuCores(double vcpus) =>
        Tiered(vcpus, [(1, 0.06), (1, 0.01), (2, 0.005), (double.PositiveInfinity, 0.0025)]);

    /// <summary>
    /// Allocatable resources of a node of <paramref name="machine"/>: vCPUs minus the CPU reservation, and
    /// nominal memory × <paramref name="kubeletCapacityFactor"/> minus the kernel's fixed part, the memory reservation, the eviction threshold
    /// and, with <paramref name="imageStreaming"/>, Image streaming's reservation.
    /// </summary>
    public static NodeAllocatable For(MachineType machine, double kubeletCapacityFactor = DefaultKubeletCapacityFactor, bool imageStreaming = false) =>
        new(
            machine.VCpus - ReservedCpuCores(machine.VCpus),
            machine.MemoryGiB * kubeletCapacityFactor - KernelFixedGiB - ReservedMemoryGiB(machine.MemoryGiB) - EvictionThresholdGiB
            - (imageStreaming ? ImageStreamingReservedMemoryGiB(machine.MemoryGiB) : 0));

    private static double Tiered(double amount, (double Size, double Share)[] tiers)
    {
        double reserved = 0, rest = amount;
        foreach (var (size, share) in tiers)
        {
            if (rest <= 0) break;
            var part = Math.Min(rest, size);
            reserved += part * share;
            rest -= part;
        }
        return reserved;
    }
}

/// <summary>A published report of one node's allocatable CPU and memory (GiB), with where it was published.</summary>
public sealed record AllocatableMeasurement(string MachineType, bool ImageStreaming, double CpuCores, double MemoryGiB, string Source);
