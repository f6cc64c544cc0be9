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
    public void Constants_are_100_MiB_eviction_and_97_percent_reported_capacity()
    {
        Assert.Equal(0.09765625, NodeAllocatableRules.EvictionThresholdGiB);
        Assert.Equal(0.97, NodeAllocatableRules.DefaultKubeletCapacityFactor);
    }

    [Fact]
    public void Allocatable_starts_from_what_the_kubelet_reports_not_the_nominal_memory()
    {
        Assert.True(MachineTypeCatalog.TryGet("n2-highmem-4", out var m));
        var a = NodeAllocatableRules.For(m);
        // 32 × 0.97 = 31.04 − 0.0625 kernel − 3.56 reserved − 0.09765625 eviction = 27.31984375 GiB
        Assert.Equal(27.31984375, a.MemoryGiB, 9);
        Assert.Equal(3.92, a.CpuCores, 9);
    }

    [Theory] // GKE's Image streaming reservation: 10% / 8% / 4% / 2.4% / 0.8% tiers
    [InlineData(1, 0)]
    [InlineData(4, 0.4)]
    [InlineData(8, 0.72)]
    [InlineData(16, 1.04)]
    [InlineData(32, 1.424)]
    [InlineData(128, 3.728)]
    [InlineData(256, 4.752)]
    public void Image_streaming_reserves_its_documented_tiers(double machineGiB, double reservedGiB) =>
        Assert.Equal(reservedGiB, NodeAllocatableRules.ImageStreamingReservedMemoryGiB(machineGiB), 6);

    [Fact]
    public void A_pool_with_image_streaming_offers_less_memory()
    {
        Assert.True(MachineTypeCatalog.TryGet("n2-highmem-4", out var m));
        Assert.Equal(27.31984375 - 1.424, NodeAllocatableRules.For(m, imageStreaming: true).MemoryGiB, 9);
        Assert.Equal(3.92, NodeAllocatableRules.For(m, imageStreaming: true).CpuCores, 9);
    }

    [Fact]
    public void The_capacity_factor_can_be_overridden()
    {
        Assert.True(MachineTypeCatalog.TryGet("e2-standard-2", out var m));
        var nominal = NodeAllocatableRules.For(m, 1.0);
        Assert.Equal(8 - 0.0625 - 1.8 - 0.09765625, nominal.MemoryGiB, 9); // 6.03984375
        Assert.Equal(1.93, nominal.CpuCores, 9);
        Assert.Equal(7.76 - 0.0625 - 1.8 - 0.09765625, NodeAllocatableRules.For(m).MemoryGiB, 9); // 5.79984375
    }

    [Fact]
    public void Planned_allocatable_is_within_3_percent_below_every_published_measurement_and_never_above()
    {
        Assert.NotEmpty(NodeAllocatableRules.Measurements);
        foreach (var measured in NodeAllocatableRules.Measurements)
        {
            Assert.True(MachineTypeCatalog.TryGet(measured.MachineType, out var m), measured.MachineType);
            var planned = NodeAllocatableRules.For(m, imageStreaming: measured.ImageStreaming);
            Assert.InRange(planned.MemoryGiB, measured.MemoryGiB * 0.97, measured.MemoryGiB);
            Assert.InRange(planned.CpuCores, measured.CpuCores * 0.97, measured.CpuCores);
        }
    }

    public static TheoryData<string> Families() => [.. MachineTypeCatalog.KnownFamilies];

    /// <summary>
    /// Per family, every shape (the smallest ones above all, where fixed costs weigh most): the planned memory stays
    /// below what a node reporting 98% of its nominal memory (the highest share published) would offer after GKE's
    /// reservations, and no further below it than 1% and the kernel's fixed part; the planned CPU equals GKE's
    /// documented CPU rule, which the kubelet reports exactly.
    /// </summary>
    [Theory]
    [MemberData(nameof(Families))]
    public void Every_machine_type_of_a_family_is_planned_at_or_below_what_its_kubelet_can_report(string family)
    {
        var types = MachineTypeCatalog.All.Where(t => t.Family == family).OrderBy(t => t.MemoryGiB).ToList();
        Assert.NotEmpty(types);
        foreach (var m in types)
            foreach (var streaming in new[] { false, true })
            {
                var planned = NodeAllocatableRules.For(m, imageStreaming: streaming);
                var ceiling = m.MemoryGiB * 0.98 - NodeAllocatableRules.ReservedMemoryGiB(m.MemoryGiB) - NodeAllocatableRules.EvictionThresholdGiB
                              - (streaming ? NodeAllocatableRules.ImageStreamingReservedMemoryGiB(m.MemoryGiB) : 0);
                Assert.True(planned.MemoryGiB <= ceiling, $"{m.Name}: {planned.MemoryGiB} GiB planned > {ceiling}");
                Assert.True(planned.MemoryGiB >= ceiling - 0.01 * m.MemoryGiB - NodeAllocatableRules.KernelFixedGiB - 1e-9, $"{m.Name}: {planned.MemoryGiB} GiB is far below {ceiling}");
                Assert.True(planned.MemoryGiB > 0, m.Name);
                Assert.Equal(m.VCpus - NodeAllocatableRules.ReservedCpuCores(m.VCpus), planned.CpuCores, 9);
                Assert.True(planned.CpuCores < m.VCpus);
            }
        // The smallest shape keeps proportionally the least: fixed-size tiers weigh most there.
        var smallest = NodeAllocatableRules.For(types[0], imageStreaming: true).MemoryGiB / types[0].MemoryGiB;
        var largest = NodeAllocatableRules.For(types[^1], imageStreaming: true).MemoryGiB / types[^1].MemoryGiB;
        Assert.True(smallest < largest, $"{family}: {smallest} vs {largest}");
    }
}
