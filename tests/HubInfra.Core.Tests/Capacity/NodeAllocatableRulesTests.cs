using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class NodeAllocatableRulesTests
{
    [Theory] // GKE's documented memory reservations
    [InlineData(4, 1.0)]
    [InlineData(8, 1.8)]
    [InlineData(16, 2.6)]
    [InlineData(32, 3.56)]
    [InlineData(64, 5.48)]
    [InlineData(128, 9.32)]
    [InlineData(256, 11.88)]
    public void Reserved_memory_follows_the_documented_tiers(double machineGiB, double reservedGiB) =>
        Assert.Equal(reservedGiB, NodeAllocatableRules.ReservedMemoryGiB(machineGiB), 3);

    [Fact]
    public void Machines_under_1_GiB_reserve_255_MiB() =>
        Assert.Equal(255.0 / 1024, NodeAllocatableRules.ReservedMemoryGiB(0.6), 6);

    [Theory] // GKE's documented CPU reservations
    [InlineData(1, 0.06)]
    [InlineData(2, 0.07)]
    [InlineData(4, 0.08)]
    [InlineData(8, 0.09)]
    [InlineData(32, 0.15)]
    public void Reserved_cpu_follows_the_documented_tiers(double vcpus, double reserved) =>
        Assert.Equal(reserved, NodeAllocatableRules.ReservedCpuCores(vcpus), 4);

    [Fact]
    public void Allocatable_starts_from_what_the_kubelet_reports_not_the_nominal_memory()
    {
        Assert.True(MachineTypeCatalog.TryGet("n2-highmem-4", out var m));
        var a = NodeAllocatableRules.For(m);
        Assert.Equal(32 * 0.98 - 3.56 - 100.0 / 1024, a.MemoryGiB, 3);
        Assert.Equal(3.92, a.CpuCores, 3);
        Assert.True(a.MemoryGiB < 32 - NodeAllocatableRules.ReservedMemoryGiB(32) - NodeAllocatableRules.EvictionThresholdGiB);
    }
}
