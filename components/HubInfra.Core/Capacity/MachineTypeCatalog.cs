namespace HubInfra.Core.Capacity;

/// <summary>
/// The GCE machine types HubInfra plans with, generated from the series' public shapes (the vCPU counts each shape
/// comes in and its GiB per vCPU; https://cloud.google.com/compute/docs/machine-resource). A name outside this
/// catalogue is refused by validation, so a typo never reaches GKE.
/// </summary>
public static class MachineTypeCatalog
{
    private static readonly Dictionary<string, MachineType> Types = Build();

    /// <summary>The machine series in the catalogue (<c>a2</c>, <c>c3</c>, <c>e2</c>, …), sorted.</summary>
    public static IReadOnlyCollection<string> KnownFamilies { get; } =
        Types.Values.Select(t => t.Family).Distinct().Order(StringComparer.Ordinal).ToList();

    /// <summary>Every machine type in the catalogue, sorted by name.</summary>
    public static IReadOnlyCollection<MachineType> All { get; } =
        Types.Values.OrderBy(t => t.Name, StringComparer.Ordinal).ToList();

    /// <summary>Looks up a machine type by its exact GCE name; false (and no machine type) for a name we do not know.</summary>
    public static bool TryGet(string name, out MachineType machineType)
    {
        if (name is not null && Types.TryGetValue(name, out var found))
        {
            machineType = found;
            return true;
        }
        machineType = null!;
        return false;
    }

    private static Dictionary<string, MachineType> Build()
    {
        var types = new Dictionary<string, MachineType>(StringComparer.Ordinal);
        void Series(string family, string shape, double gibPerVcpu, params int[] vcpus)
        {
            foreach (var n in vcpus)
            {
                var name = $"{family}-{shape}-{n}";
                // Rounded so that e.g. n1-highcpu-96 is 86.4 GiB, not 86.39999999999999.
                types.Add(name, new MachineType(name, family, n, Math.Round(n * gibPerVcpu, 6)));
            }
        }

        Series("e2", "standard", 4, 2, 4, 8, 16, 32);
        Series("e2", "highmem", 8, 2, 4, 8, 16);
        Series("e2", "highcpu", 1, 2, 4, 8, 16, 32);

        int[] n1 = [2, 4, 8, 16, 32, 64, 96];
        Series("n1", "standard", 3.75, [1, .. n1]);
        Series("n1", "highmem", 6.5, n1);
        Series("n1", "highcpu", 0.9, n1);

        int[] n2 = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];
        Series("n2", "standard", 4, n2);
        Series("n2", "highmem", 8, n2);
        Series("n2", "highcpu", 1, n2);

        int[] n2d = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224];
        Series("n2d", "standard", 4, n2d);
        Series("n2d", "highmem", 8, n2d);
        Series("n2d", "highcpu", 1, n2d);

        int[] c3 = [4, 8, 22, 44, 88, 176];
        Series("c3", "standard", 4, c3);
        Series("c3", "highmem", 8, c3);

        // g2: 4 GiB per vCPU and a fixed number of NVIDIA L4s per shape.
        foreach (var (vcpus, gpus) in new[] { (4, 1), (8, 1), (12, 1), (16, 1), (24, 2), (32, 1), (48, 4), (96, 8) })
        {
            var name = $"g2-standard-{vcpus}";
            types.Add(name, new MachineType(name, "g2", vcpus, vcpus * 4, "nvidia-l4", gpus));
        }

        // a2 High (A100 40 GB): 12 vCPUs and 85 GiB per GPU; a2 Ultra (A100 80 GB): 12 vCPUs and 170 GiB per GPU;
        // a3 High (H100 80 GB): 26 vCPUs and 234 GiB per GPU (https://cloud.google.com/compute/docs/accelerator-optimized-machines).
        foreach (var gpus in new[] { 1, 2, 4, 8 })
        {
            types.Add($"a2-highgpu-{gpus}g", new MachineType($"a2-highgpu-{gpus}g", "a2", 12 * gpus, 85 * gpus, "nvidia-tesla-a100", gpus));
            types.Add($"a2-ultragpu-{gpus}g", new MachineType($"a2-ultragpu-{gpus}g", "a2", 12 * gpus, 170 * gpus, "nvidia-a100-80gb", gpus));
            types.Add($"a3-highgpu-{gpus}g", new MachineType($"a3-highgpu-{gpus}g", "a3", 26 * gpus, 234 * gpus, "nvidia-h100-80gb", gpus));
        }
        return types;
    }
}
