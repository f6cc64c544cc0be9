using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class MachineTypeCatalogTests
{
    [Theory]
    [InlineData("n2-highmem-4", "n2", 4, 32)]
    [InlineData("n1-standard-1", "n1", 1, 3.75)]
    [InlineData("n1-standard-8", "n1", 8, 30)]
    [InlineData("n1-highmem-96", "n1", 96, 624)]
    [InlineData("n1-highcpu-96", "n1", 96, 86.4)]
    [InlineData("e2-standard-2", "e2", 2, 8)]
    [InlineData("e2-highmem-16", "e2", 16, 128)]
    [InlineData("e2-highcpu-32", "e2", 32, 32)]
    [InlineData("n2-standard-128", "n2", 128, 512)]
    [InlineData("n2d-highcpu-224", "n2d", 224, 224)]
    [InlineData("c3-standard-22", "c3", 22, 88)]
    [InlineData("c3-highmem-176", "c3", 176, 1408)]
    public void Known_machine_types_have_their_public_shape(string name, string family, int vcpus, double gib)
    {
        Assert.True(MachineTypeCatalog.TryGet(name, out var m));
        Assert.Equal(name, m.Name);
        Assert.Equal(family, m.Family);
        Assert.Equal(vcpus, m.VCpus);
        Assert.Equal(gib, m.MemoryGiB);
        Assert.Null(m.BundledGpuType);
        Assert.Equal(0, m.BundledGpuCount);
    }

    [Theory]
    [InlineData("g2-standard-4", 4, 16, "nvidia-l4", 1)]
    [InlineData("g2-standard-24", 24, 96, "nvidia-l4", 2)]
    [InlineData("g2-standard-32", 32, 128, "nvidia-l4", 1)]
    [InlineData("g2-standard-48", 48, 192, "nvidia-l4", 4)]
    [InlineData("g2-standard-96", 96, 384, "nvidia-l4", 8)]
    [InlineData("a2-highgpu-1g", 12, 85, "nvidia-tesla-a100", 1)]
    [InlineData("a2-highgpu-8g", 96, 680, "nvidia-tesla-a100", 8)]
    public void Accelerator_machine_types_come_with_their_gpus(string name, int vcpus, double gib, string gpu, int gpus)
    {
        Assert.True(MachineTypeCatalog.TryGet(name, out var m));
        Assert.Equal(vcpus, m.VCpus);
        Assert.Equal(gib, m.MemoryGiB);
        Assert.Equal(gpu, m.BundledGpuType);
        Assert.Equal(gpus, m.BundledGpuCount);
    }

    [Theory]
    [InlineData("n2-highmem-3")]
    [InlineData("N2-HIGHMEM-4")]
    [InlineData("e2-highmem-32")] // e2-highmem stops at 16
    [InlineData("n1-highmem-1")] // only n1-standard has 1 vCPU
    [InlineData("c3-standard-2")]
    [InlineData("g2-standard-2")]
    [InlineData("a2-highgpu-3g")]
    [InlineData("")]
    public void Unknown_machine_types_are_not_found(string name) => Assert.False(MachineTypeCatalog.TryGet(name, out _));

    [Fact]
    public void The_catalogue_has_every_family_and_shape()
    {
        Assert.Equal(["a2", "a3", "c3", "e2", "g2", "n1", "n2", "n2d"], MachineTypeCatalog.KnownFamilies);
        // e2 5+4+5, n1 8+7+7, n2 3×10, n2d 3×11, c3 2×6, g2 8, a2 highgpu 4 + ultragpu 4, a3 highgpu 4
        Assert.Equal(14 + 22 + 30 + 33 + 12 + 8 + 8 + 4, MachineTypeCatalog.All.Count);
    }
}
