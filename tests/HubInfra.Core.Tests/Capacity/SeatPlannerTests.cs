using HubInfra.Core.Capacity;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;

namespace HubInfra.Core.Tests.Capacity;

public class SeatPlannerTests
{
    private static ProfileSettings Profile(double cpu, double memGiB) =>
        new("p", "p", "", "user", cpu, cpu, Memory.FromGiB(memGiB), Memory.FromGiB(memGiB), null, true, 0, "k");

    private static NodePoolSettings Pool(string machine, bool streaming) =>
        new("user", NodePurpose.User, machine, 0, 10, false, 100, "pd-balanced", streaming, null, "k");

    [Fact]
    public void Seats_never_exceed_the_pods_a_node_may_run()
    {
        Assert.True(MachineTypeCatalog.TryGet("n2-highmem-128", out var m));
        var seats = SeatPlanner.SeatsFor(Profile(0.01, 0.25), Pool("n2-highmem-128", true), m, CapacitySettings.Default);
        Assert.Equal(SeatPlanner.MaxPodsPerNode - SeatPlanner.SystemPodsPerNode, seats);
    }

    [Fact]
    public void Image_streaming_costs_seats_when_memory_decides()
    {
        Assert.True(MachineTypeCatalog.TryGet("n2-highmem-4", out var m));
        // 25.896 − 0.6 = 25.296 GiB / 2 GiB = 12 seats with streaming; 26.720 / 2 = 13 without.
        Assert.Equal(12, SeatPlanner.SeatsFor(Profile(0.1, 2), Pool("n2-highmem-4", true), m, CapacitySettings.Default));
        Assert.Equal(13, SeatPlanner.SeatsFor(Profile(0.1, 2), Pool("n2-highmem-4", false), m, CapacitySettings.Default));
    }
}
