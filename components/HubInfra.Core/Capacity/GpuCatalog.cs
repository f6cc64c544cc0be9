namespace HubInfra.Core.Capacity;

/// <summary>GKE accelerator types and the machine families they attach to.</summary>
public static class GpuCatalog
{
    private static readonly Dictionary<string, int[]> N1Counts = new(StringComparer.Ordinal)
    {
        ["nvidia-tesla-t4"] = [1, 2, 4],
        ["nvidia-tesla-v100"] = [1, 2, 4, 8],
        ["nvidia-tesla-p4"] = [1, 2, 4],
        ["nvidia-tesla-p100"] = [1, 2, 4],
    };

    public static IReadOnlyCollection<string> Known { get; } =
        N1Counts.Keys.Append("nvidia-l4").Append("nvidia-tesla-a100").Order(StringComparer.Ordinal).ToList();

    public static bool IsKnown(string type) => Known.Contains(type);

    /// <summary>Null when <paramref name="count"/> GPUs of <paramref name="gpuType"/> fit the machine; otherwise why not.</summary>
    public static string? Incompatibility(string gpuType, MachineType machine, int count)
    {
        if (N1Counts.TryGetValue(gpuType, out var counts))
        {
            if (machine.Family != "n1")
                return $"{gpuType} attaches only to n1 machine types, not {machine.Name}";
            if (!counts.Contains(count))
                return $"{gpuType} comes in counts of {string.Join(", ", counts)} per node, not {count}";
            return null;
        }
        if (machine.BundledGpuType != gpuType)
        {
            var family = gpuType == "nvidia-l4" ? "g2" : "a2";
            return $"{gpuType} comes only with {family} machine types, not {machine.Name}";
        }
        return count == machine.BundledGpuCount
            ? null
            : $"{machine.Name} comes with {machine.BundledGpuCount}× {gpuType}; set count: {machine.BundledGpuCount}";
    }
}
