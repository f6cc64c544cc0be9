using HubInfra.Core.Config;

namespace HubInfra.Core.Capacity;

/// <summary>
/// A node pool's accelerators against its machine type (<see cref="GpuCatalog"/>): the one rule for community pools
/// and an event's own pool.
/// </summary>
public static class AcceleratorRules
{
    private static readonly string[] DriverVersions = ["DEFAULT", "LATEST", "INSTALLATION_DISABLED"];

    /// <summary>
    /// Every problem of <paramref name="gpu"/> on <paramref name="machine"/> (null: a machine type already refused),
    /// keyed under <paramref name="poolKey"/> (<c>.gpu</c>, <c>.gpu.type</c>, <c>.gpu.count</c>, <c>.gpu.driverVersion</c>).
    /// </summary>
    public static IEnumerable<Problem> Check(GpuSettings? gpu, MachineType? machine, string poolKey)
    {
        if (gpu is null)
        {
            if (machine?.BundledGpuType is { } bundled)
                yield return new Problem(poolKey + ".gpu", $"machine type {machine.Name} comes with {machine.BundledGpuCount}× {bundled}: declare gpu: {{ type: {bundled}, count: {machine.BundledGpuCount} }}");
            yield break;
        }
        if (!GpuCatalog.IsKnown(gpu.Type))
            yield return new Problem(poolKey + ".gpu.type", $"'{gpu.Type}' is not a GKE accelerator type; use one of {string.Join(", ", GpuCatalog.Known)}");
        else if (machine is not null && GpuCatalog.Incompatibility(gpu.Type, machine, gpu.Count) is { } why)
        {
            // When some count would fit this machine and GPU, the count is the mistake; otherwise the pairing is.
            var countIsWrong = Enumerable.Range(1, ConfigLimits.GpusPerNode).Any(n => GpuCatalog.Incompatibility(gpu.Type, machine, n) is null);
            yield return new Problem(poolKey + (countIsWrong ? ".gpu.count" : ".gpu"), why);
        }
        if (gpu.Count < 1)
            yield return new Problem(poolKey + ".gpu.count", "must be at least 1; set count: 1 or more");
        if (!DriverVersions.Contains(gpu.DriverVersion))
            yield return new Problem(poolKey + ".gpu.driverVersion", $"'{gpu.DriverVersion}' is not a driver version; use one of {string.Join(", ", DriverVersions)}");
    }
}
