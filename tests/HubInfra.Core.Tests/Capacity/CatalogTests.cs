using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class CatalogTests
{
    [Theory]
    [InlineData("n2-highmem-4", 4, 32)]
    [InlineData("n1-standard-8", 8, 30)]
    [InlineData("e2-standard-2", 2, 8)]
    [InlineData("c3-standard-22", 22, 88)]
    [InlineData("a2-highgpu-1g", 12, 85)]
    public void Known_machine_types_have_their_public_shape(string name, int vcpus, double gib)
    {
        Assert.True(MachineTypeCatalog.TryGet(name, out var m));
        Assert.Equal(vcpus, m.VCpus);
        Assert.Equal(gib, m.MemoryGiB);
    }

    [Fact]
    public void Unknown_machine_types_are_not_found() => Assert.False(MachineTypeCatalog.TryGet("n2-highmem-3", out _));

    [Theory]
    [InlineData("nvidia-tesla-t4", "n1-standard-8", 1, true)]
    [InlineData("nvidia-tesla-t4", "n2-standard-8", 1, false)]
    [InlineData("nvidia-tesla-t4", "n1-standard-8", 3, false)]
    [InlineData("nvidia-l4", "g2-standard-24", 2, true)]
    [InlineData("nvidia-l4", "g2-standard-24", 1, false)]
    [InlineData("nvidia-tesla-a100", "n1-standard-8", 1, false)]
    public void Gpus_fit_only_their_machine_families_and_counts(string gpu, string machine, int count, bool fits)
    {
        Assert.True(MachineTypeCatalog.TryGet(machine, out var m));
        Assert.Equal(fits, GpuCatalog.Incompatibility(gpu, m, count) is null);
    }

    [Fact]
    public void Node_prices_add_vcpus_memory_and_gpus_and_scale_for_spot()
    {
        Assert.True(MachineTypeCatalog.TryGet("n1-standard-8", out var m));
        var onDemand = PriceTable.Default.NodeHourly(m, false, "nvidia-tesla-t4", 1);
        Assert.Equal(8 * 0.031611 + 30 * 0.004237 + 0.35, onDemand, 6);
        Assert.Equal(onDemand * 0.35, PriceTable.Default.NodeHourly(m, true, "nvidia-tesla-t4", 1), 6);
        var custom = PriceTable.Default.WithOverrides(new Dictionary<string, FamilyPrice> { ["n1"] = new(0.1, 0.01) }, null, null, "2027-01-01");
        Assert.Equal("2027-01-01", custom.AsOf);
        Assert.Equal(8 * 0.1 + 30 * 0.01 + 0.35, custom.NodeHourly(m, false, "nvidia-tesla-t4", 1), 6);
    }
}
