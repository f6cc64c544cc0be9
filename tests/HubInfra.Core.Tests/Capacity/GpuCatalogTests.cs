using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class GpuCatalogTests
{
    private static MachineType Machine(string name)
    {
        Assert.True(MachineTypeCatalog.TryGet(name, out var m));
        return m;
    }

    [Fact]
    public void Eight_accelerator_types_are_known()
    {
        Assert.Equal(["nvidia-a100-80gb", "nvidia-h100-80gb", "nvidia-l4", "nvidia-tesla-a100", "nvidia-tesla-p100", "nvidia-tesla-p4", "nvidia-tesla-t4", "nvidia-tesla-v100"], GpuCatalog.Known);
        Assert.True(GpuCatalog.IsKnown("nvidia-tesla-t4"));
        Assert.True(GpuCatalog.IsKnown("nvidia-h100-80gb"));
        Assert.False(GpuCatalog.IsKnown("nvidia-h200-141gb"));
        Assert.False(GpuCatalog.IsKnown("NVIDIA-TESLA-T4"));
    }

    [Theory]
    [InlineData("nvidia-tesla-t4", "n1-standard-8", 1, true)]
    [InlineData("nvidia-tesla-t4", "n1-highmem-4", 4, true)]
    [InlineData("nvidia-tesla-t4", "n1-standard-8", 3, false)]
    [InlineData("nvidia-tesla-t4", "n1-standard-8", 8, false)]
    [InlineData("nvidia-tesla-v100", "n1-standard-16", 8, true)]
    [InlineData("nvidia-tesla-p4", "n1-standard-4", 2, true)]
    [InlineData("nvidia-tesla-p100", "n1-standard-4", 8, false)]
    [InlineData("nvidia-tesla-t4", "n2-standard-8", 1, false)]
    [InlineData("nvidia-tesla-t4", "g2-standard-8", 1, false)]
    [InlineData("nvidia-l4", "g2-standard-24", 2, true)]
    [InlineData("nvidia-l4", "g2-standard-48", 4, true)]
    [InlineData("nvidia-l4", "g2-standard-24", 1, false)]
    [InlineData("nvidia-l4", "n1-standard-8", 1, false)]
    [InlineData("nvidia-l4", "a2-highgpu-1g", 1, false)]
    [InlineData("nvidia-tesla-a100", "a2-highgpu-2g", 2, true)]
    [InlineData("nvidia-tesla-a100", "a2-highgpu-2g", 1, false)]
    [InlineData("nvidia-tesla-a100", "n1-standard-8", 1, false)]
    [InlineData("nvidia-tesla-a100", "g2-standard-4", 1, false)]
    public void Gpus_fit_only_their_machine_families_and_counts(string gpu, string machine, int count, bool fits) =>
        Assert.Equal(fits, GpuCatalog.Incompatibility(gpu, Machine(machine), count) is null);

    [Fact]
    public void Incompatibilities_say_what_would_fit()
    {
        Assert.Equal("nvidia-tesla-t4 attaches only to n1 machine types, not to n2-standard-8; use an n1 machineType (e.g. n1-standard-8) or another gpu.type.",
            GpuCatalog.Incompatibility("nvidia-tesla-t4", Machine("n2-standard-8"), 1));
        Assert.Equal("nvidia-tesla-v100 comes in counts of 1, 2, 4, 8 per node, not 3; set gpu.count to one of them.",
            GpuCatalog.Incompatibility("nvidia-tesla-v100", Machine("n1-standard-8"), 3));
        Assert.Equal("g2-standard-24 comes with exactly 2 nvidia-l4, not 1; set the count to 2.",
            GpuCatalog.Incompatibility("nvidia-l4", Machine("g2-standard-24"), 1));
        Assert.Equal("nvidia-tesla-a100 comes only built into a2-highgpu machine types, not with n1-standard-8; use one as machineType, e.g. a2-highgpu-1g.",
            GpuCatalog.Incompatibility("nvidia-tesla-a100", Machine("n1-standard-8"), 1));
        Assert.Equal("nvidia-a100-80gb comes only built into a2-ultragpu machine types, not with a2-highgpu-1g; use one as machineType, e.g. a2-ultragpu-1g.",
            GpuCatalog.Incompatibility("nvidia-a100-80gb", Machine("a2-highgpu-1g"), 1));
        Assert.Null(GpuCatalog.Incompatibility("nvidia-h100-80gb", Machine("a3-highgpu-4g"), 4));
        Assert.StartsWith("nvidia-h200-141gb is not an accelerator type we know",
            GpuCatalog.Incompatibility("nvidia-h200-141gb", Machine("n1-standard-8"), 1));
    }
}
