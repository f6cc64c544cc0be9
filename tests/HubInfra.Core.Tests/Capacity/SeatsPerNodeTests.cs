using HubInfra.Core.Capacity;

namespace HubInfra.Core.Tests.Capacity;

public class SeatsPerNodeTests
{
    private static NodeAllocatable Alloc(string machine)
    {
        Assert.True(MachineTypeCatalog.TryGet(machine, out var m));
        return NodeAllocatableRules.For(m);
    }

    [Fact]
    public void Memory_bound_seats_are_fewer_than_nominal_memory_over_guarantee()
    {
        // n2-highmem-4: 32 × 0.97 − 0.0625 = 30.9775 GiB reported − 3.56 reserved − 0.09765625 eviction = 27.31984375
        // allocatable, − 0.6 DaemonSets = 26.71984375 GiB free; / 2 GiB = 13.36 → 13 seats, not 32 / 2 = 16.
        // CPU: 3.92 − 0.4 = 3.52 cores / 0.1 = 35 seats, so memory decides.
        Assert.Equal(13, SeatsPerNode.Compute(Alloc("n2-highmem-4"), DaemonSetOverhead.Default, 0.1, 2));
    }

    [Fact]
    public void Cpu_bound_seats_use_the_cpu_guarantee()
    {
        // 3.92 allocatable − 0.4 DaemonSets = 3.52 cores → 7 seats of 0.5 cores (memory would allow 26.72 / 3 = 8).
        Assert.Equal(7, SeatsPerNode.Compute(Alloc("n2-highmem-4"), DaemonSetOverhead.Default, 0.5, 3));
    }

    [Fact]
    public void A_cpu_guarantee_of_zero_does_not_limit_seats()
    {
        // 26.71984375 GiB free / 0.5 GiB = 53.4 → 53; CPU (3.52 free cores) plays no part.
        Assert.Equal(53, SeatsPerNode.Compute(Alloc("n2-highmem-4"), DaemonSetOverhead.Default, 0, 0.5));
        Assert.Equal(53, SeatsPerNode.Compute(Alloc("n2-highmem-4"), DaemonSetOverhead.Default, -1, 0.5));
    }

    [Fact]
    public void Gpus_per_node_cap_seats()
    {
        // n1-standard-8 with one T4: memory (30 × 0.97 − 0.0625 − 3.44 − 0.098 − 1.0 = 24.50 GiB / 4 → 6) and CPU (7.91 − 0.5 = 7.41 → 7) allow more.
        Assert.Equal(1, SeatsPerNode.Compute(Alloc("n1-standard-8"), DaemonSetOverhead.GpuDefault, 1, 4, gpusPerNode: 1, gpusPerSeat: 1));
        Assert.Equal(6, SeatsPerNode.Compute(Alloc("n1-standard-8"), DaemonSetOverhead.GpuDefault, 1, 4));
        // g2-standard-48: 4 L4s, 2 per seat → 2 seats.
        Assert.Equal(2, SeatsPerNode.Compute(Alloc("g2-standard-48"), DaemonSetOverhead.GpuDefault, 1, 4, gpusPerNode: 4, gpusPerSeat: 2));
        // No GPUs on the node but a seat needs one → 0.
        Assert.Equal(0, SeatsPerNode.Compute(Alloc("n1-standard-8"), DaemonSetOverhead.GpuDefault, 1, 4, gpusPerNode: 0, gpusPerSeat: 1));
    }

    [Fact]
    public void Exact_fits_are_not_lost_to_rounding()
    {
        // 0.7 − 0.4 is 0.29999999999999993 in binary; three seats of 0.1 cores still fit.
        Assert.Equal(3, SeatsPerNode.Compute(new NodeAllocatable(0.7, 100), new DaemonSetOverhead(0.4, 0), 0.1, 1));
    }

    [Fact]
    public void A_guarantee_larger_than_the_node_gives_zero_seats_never_negative()
    {
        // e2-standard-2: 5.94 GiB allocatable − 0.6 = 5.34 GiB < 8 GiB.
        Assert.Equal(0, SeatsPerNode.Compute(Alloc("e2-standard-2"), DaemonSetOverhead.Default, 0.5, 8));
        // DaemonSets bigger than the node.
        Assert.Equal(0, SeatsPerNode.Compute(new NodeAllocatable(0.3, 0.5), DaemonSetOverhead.Default, 0.1, 0.1));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-2)]
    [InlineData(double.NaN)]
    public void A_memory_guarantee_must_be_positive(double memory) =>
        Assert.Throws<ArgumentException>(() => SeatsPerNode.Compute(Alloc("e2-standard-2"), DaemonSetOverhead.Default, 0.5, memory));
}
