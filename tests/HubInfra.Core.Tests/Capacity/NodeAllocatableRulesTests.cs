using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class NodeAllocatableRulesTests
{
    [Theory] // GKE's documented memory reservations (plan-node-sizes)
    [InlineData(4, 1.0)]
    [InlineData(8, 1.8)]
    [InlineData(16, 2.6)]
    [InlineData(32, 3.56)]
    [InlineData(64, 5.48)]
    [InlineData(128, 9.32)]
    [InlineData(256, 11.88)]
    [InlineData(2, 0.5)] // 25% of 2 GiB
    [InlineData(1, 0.25)]
    public void Reserved_memory_follows_the_documented_tiers(double machineGiB, double reservedGiB) =>
        Assert.Equal(reservedGiB, NodeAllocatableRules.ReservedMemoryGiB(machineGiB), 6);

    [Fact]
    public void Machines_under_1_GiB_reserve_255_MiB()
    {
        Assert.Equal(255.0 / 1024, NodeAllocatableRules.ReservedMemoryGiB(0.6), 9);
        Assert.Equal(0.249023, NodeAllocatableRules.ReservedMemoryGiB(0.999), 6);
    }

    [Theory] // GKE's documented CPU reservations
    [InlineData(1, 0.06)]
    [InlineData(2, 0.07)]
    [InlineData(4, 0.08)]
    [InlineData(8, 0.09)]
    [InlineData(32, 0.15)]
    [InlineData(64, 0.23)] // 0.08 + 60 × 0.0025
    public void Reserved_cpu_follows_the_documented_tiers(double vcpus, double reserved) =>
        Assert.Equal(reserved, NodeAllocatableRules.ReservedCpuCores(vcpus), 9);

    [Fact]
    public void Constants_are_100_MiB_eviction_and_98_percent_reported_capacity()
    {
        Assert.Equal(0.09765625, NodeAllocatableRules.EvictionThresholdGiB);
        Assert.Equal(0.98, NodeAllocatableRules.DefaultKubeletCapacityFactor);
    }

    [Fact]
    public void Allocatable_starts_from_what_the_kubelet_reports_not_the_nominal_memory()
    {
        Assert.True(MachineTypeCatalog.TryGet("n2-highmem-4", out var m));
        var a = NodeAllocatableRules.For(m);
        // 32 × 0.98 = 31.36 − 3.56 reserved − 0.09765625 eviction = 27.70234375 GiB
        Assert.Equal(32 * 0.98 - 3.56 - 100.0 / 1024, a.MemoryGiB, 9);
        Assert.Equal(27.70234375, a.MemoryGiB, 9);
        Assert.Equal(3.92, a.CpuCores, 9);
    }

    [Fact]
    public void The_capacity_factor_can_be_overridden()
    {
        Assert.True(MachineTypeCatalog.TryGet("e2-standard-2", out var m));
        var nominal = NodeAllocatableRules.For(m, 1.0);
        Assert.Equal(8 - 1.8 - 0.09765625, nominal.MemoryGiB, 9); // 6.10234375
        Assert.Equal(1.93, nominal.CpuCores, 9);
        Assert.Equal(7.84 - 1.8 - 0.09765625, NodeAllocatableRules.For(m).MemoryGiB, 9); // 5.94234375
    }
}
