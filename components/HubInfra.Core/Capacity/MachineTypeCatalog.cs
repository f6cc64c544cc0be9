namespace HubInfra.Core.Capacity;

/// <summary>
/// The GCE machine types HubInfra plans with, generated from the families' public shapes (vCPU counts and GiB per
/// vCPU). A name outside this catalogue is refused by validation, so a typo never reaches GKE.
/// </summary>
public static class MachineTypeCatalog
{
    private static readonly Dictionary<string, MachineType> Types = Build();

    public static IReadOnlyCollection<string> KnownFamilies { get; } =
        Types.Values.Select(t => t.Family).Distinct().Order(StringComparer.Ordinal).ToList();

    public static bool TryGet(string name, out MachineType machineType)
    {
        if (Types.TryGetValue(name, out var found))
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
        void Family(string family, string shape, double gibPerVcpu, params int[] vcpus)
        {
            foreach (var n in vcpus)
            {
                var name = $"{family}-{shape}-{n}";
                types[name] = new MachineType(name, family, n, n * gibPerVcpu);
            }
        }

        Family("e2", "standard", 4, 2, 4, 8, 16, 32);
        Family("e2", "highmem", 8, 2, 4, 8, 16);
        Family("e2", "highcpu", 1, 2, 4, 8, 16, 32);
        Family("n1", "standard", 3.75, 1, 2, 4, 8, 16, 32, 64, 96);
        Family("n1", "highmem", 6.5, 2, 4, 8, 16, 32, 64, 96);
        Family("n1", "highcpu", 0.9, 2, 4, 8, 16, 32, 64, 96);
        int[] n2 = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128];
        Family("n2", "standard", 4, n2);
        Family("n2", "highmem", 8, n2);
        Family("n2", "highcpu", 1, n2);
        int[] n2d = [2, 4, 8, 16, 32, 48, 64, 80, 96, 128, 224];
        Family("n2d", "standard", 4, n2d);
        Family("n2d", "highmem", 8, n2d);
        Family("n2d", "highcpu", 1, n2d);
        int[] c3 = [4, 8, 22, 44, 88, 176];
        Family("c3", "standard", 4, c3);
        Family("c3", "highmem", 8, c3);

        foreach (var (vcpus, gib, gpus) in new[] { (4, 16, 1), (8, 32, 1), (12, 48, 1), (16, 64, 1), (24, 96, 2), (32, 128, 1), (48, 192, 4), (96, 384, 8) })
            types[$"g2-standard-{vcpus}"] = new MachineType($"g2-standard-{vcpus}", "g2", vcpus, gib, "nvidia-l4", gpus);
        foreach (var (gpus, vcpus, gib) in new[] { (1, 12, 85), (2, 24, 170), (4, 48, 340), (8, 96, 680) })
            types[$"a2-highgpu-{gpus}g"] = new MachineType($"a2-highgpu-{gpus}g", "a2", vcpus, gib, "nvidia-tesla-a100", gpus);
        return types;
    }
}
