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
        // n2-highmem-4: 31.36 GiB reported − 3.56 reserved − 0.098 eviction − 0.6 DaemonSets = 27.10 GiB → 13 seats of 2 GiB,
        // not 32 / 2 = 16.
        var seats = SeatsPerNode.Compute(Alloc("n2-highmem-4"), DaemonSetOverhead.Default, 0.1, 2);
        Assert.Equal(13, seats);
    }

    [Fact]
    public void Cpu_bound_seats_use_the_cpu_guarantee()
    {
        // 3.92 allocatable − 0.4 DaemonSets = 3.52 cores → 7 seats of 0.5 cores (memory would allow 9 of 3 GiB).
        Assert.Equal(7, SeatsPerNode.Compute(Alloc("n2-highmem-4"), DaemonSetOverhead.Default, 0.5, 3));
    }

    [Fact]
    public void Gpus_per_node_cap_seats()
    {
        Assert.Equal(1, SeatsPerNode.Compute(Alloc("n1-standard-8"), DaemonSetOverhead.GpuDefault, 1, 4, gpusPerNode: 1, gpusPerSeat: 1));
    }

    [Fact]
    public void A_guarantee_larger_than_the_node_gives_zero_seats_and_no_memory_guarantee_is_refused()
    {
        Assert.Equal(0, SeatsPerNode.Compute(Alloc("e2-standard-2"), DaemonSetOverhead.Default, 0.5, 8));
        Assert.Throws<ArgumentException>(() => SeatsPerNode.Compute(Alloc("e2-standard-2"), DaemonSetOverhead.Default, 0.5, 0));
    }
}
