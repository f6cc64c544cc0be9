using HubInfra.Core.Config;

namespace HubInfra.Core.Capacity;

/// <summary>
/// The GKE accelerator types HubInfra knows and the machine types they fit
/// (https://cloud.google.com/compute/docs/gpus). T4, V100, P4 and P100 attach to N1 machine types in counts of
/// 1, 2 or 4 (V100 also 8); L4 comes built into G2, A100 40GB into A2 High (a2-highgpu), A100 80GB into A2 Ultra
/// (a2-ultragpu) and H100 80GB into A3 High (a3-highgpu) machine types, a fixed number per shape (GKE accelerator
/// names nvidia-l4, nvidia-tesla-a100, nvidia-a100-80gb, nvidia-h100-80gb).
/// </summary>
public static class GpuCatalog
{
    /// <summary>GPUs attached to N1 machine types and the counts per node they come in.</summary>
    private static readonly Dictionary<string, int[]> N1Attached = new(StringComparer.Ordinal)
    {
        ["nvidia-tesla-t4"] = [1, 2, 4],
        ["nvidia-tesla-v100"] = [1, 2, 4, 8],
        ["nvidia-tesla-p4"] = [1, 2, 4],
        ["nvidia-tesla-p100"] = [1, 2, 4],
    };

    /// <summary>GPUs that come only built into machine types, and the name those machine types start with.</summary>
    private static readonly Dictionary<string, string> Bundled = new(StringComparer.Ordinal)
    {
        ["nvidia-l4"] = "g2-standard",
        ["nvidia-tesla-a100"] = "a2-highgpu",
        ["nvidia-a100-80gb"] = "a2-ultragpu",
        ["nvidia-h100-80gb"] = "a3-highgpu",
    };

    /// <summary>Every known accelerator type, sorted.</summary>
    public static IReadOnlyCollection<string> Known { get; } =
        N1Attached.Keys.Concat(Bundled.Keys).Order(StringComparer.Ordinal).ToList();

    public static bool IsKnown(string type) => type is not null && (N1Attached.ContainsKey(type) || Bundled.ContainsKey(type));

    /// <summary>Null when <paramref name="count"/> GPUs of <paramref name="gpuType"/> fit the machine; otherwise a sentence saying why not.</summary>
    public static string? Incompatibility(string gpuType, MachineType machine, int count)
    {
        if (N1Attached.TryGetValue(gpuType, out var counts))
        {
            if (machine.Family != "n1")
                return $"{gpuType} attaches only to n1 machine types, not to {machine.Name}; use an n1 machineType (e.g. n1-standard-8) or another gpu.type.";
            if (!counts.Contains(count))
                return $"{gpuType} comes in counts of {string.Join(", ", counts)} per node, not {count}; set gpu.count to one of them.";
            return null;
        }
        if (Bundled.TryGetValue(gpuType, out var shapes))
        {
            if (machine.BundledGpuType != gpuType)
                return $"{gpuType} comes only built into {shapes} machine types, not with {machine.Name}; use {Article.With(shapes.Split('-')[0])} machineType, e.g. {shapes}-{(shapes == "g2-standard" ? "8" : "1g")}.";
            if (count != machine.BundledGpuCount)
                return $"{machine.Name} comes with exactly {machine.BundledGpuCount} {gpuType}, not {count}; set the count to {machine.BundledGpuCount}.";
            return null;
        }
        return $"{gpuType} is not an accelerator type we know; use one of {string.Join(", ", Known)}.";
    }
}
