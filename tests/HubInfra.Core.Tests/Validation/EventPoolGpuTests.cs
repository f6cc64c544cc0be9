using HubInfra.Core.Capacity;
using HubInfra.Core.Planning;
using HubInfra.Core.Stacks;

namespace HubInfra.Core.Tests.Validation;

/// <summary>An event's own pool carries accelerators by the same rule as a community pool, and the plan says which.</summary>
public class EventPoolGpuTests
{
    /// <summary>community-gpu's "gpu" profile runs on a pool of n1-standard-8 nodes with one T4 each.</summary>
    private static LoadedStack GpuEvent(string pool) => TestStacks.Inline($$"""
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: community-gpu
            hub: courses
            profile: gpu
            timeZone: Europe/Amsterdam
            attendees: 20
            windows: [ { start: 2027-07-06T10:00, end: 2027-07-06T16:00 } ]
            pool: {{pool}}
        """, "gpu-course", name => TestStacks.Example(name).Community);

    [Fact]
    public void A_gpu_profile_on_an_events_cpu_machine_is_refused_at_the_pool_without_a_seat_error()
    {
        var loaded = GpuEvent("{ machineType: n2-highmem-16 }");
        var errors = loaded.Errors.ToList();
        Assert.Contains(errors, p => p.Key == "hubinfra:event.pool" && p.Message.Contains("nvidia-tesla-t4 attaches only to n1", StringComparison.Ordinal)
                                                                 && p.Message.Contains("event.pool.gpu", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, p => p.Message.Contains("does not fit one seat", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("{ machineType: n1-standard-8, gpu: { type: nvidia-l4 } }", "hubinfra:event.pool.gpu", "comes only built into g2")]
    [InlineData("{ machineType: n1-standard-8, gpu: { type: nvidia-tesla-t4, count: 3 } }", "hubinfra:event.pool.gpu.count", "counts of 1, 2, 4")]
    [InlineData("{ machineType: g2-standard-8 }", "hubinfra:event.pool", "nvidia-tesla-t4")]
    [InlineData("{ machineType: n1-standard-8, gpu: { type: nvidia-tesla-k80 } }", "hubinfra:event.pool.gpu.type", "not a GKE accelerator type")]
    public void Each_accelerator_mistake_is_reported_at_its_key(string pool, string key, string says)
    {
        var loaded = GpuEvent(pool);
        Assert.Contains(loaded.Errors, p => p.Key == key && p.Message.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void An_l4_event_pool_is_planned_and_priced_with_its_gpu()
    {
        var loaded = GpuEvent("{ machineType: g2-standard-8, gpu: { type: nvidia-l4, count: 1 } }");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var plan = loaded.Plan!;
        Assert.Equal("nvidia-l4", plan.Pool.Gpu!.Type);
        Assert.Equal(1, plan.Pool.SeatsPerNode);
        var pools = (List<object?>)PlanDocument.Tree(PlanDocument.Event(plan))["nodePools"]!;
        var gpu = (Dictionary<string, object?>)((Dictionary<string, object?>)pools[0]!)["gpu"]!;
        Assert.Equal("nvidia-l4", gpu["type"]);
        Assert.Equal("nvidia-l4", plan.Pool.Dedicated!.Gpu!.Type);
        // 8 vCPUs and 32 GiB at g2's rates plus one L4, in europe-west4's prices.
        Assert.True(plan.Pool.HourlyPrice > 0.56, $"{plan.Pool.HourlyPrice}");
    }

    [Fact]
    public void The_catalog_has_h100_on_a3_highgpu_a100_80gb_on_a2_ultragpu_and_l4_on_every_g2_shape_with_prices()
    {
        Assert.True(MachineTypeCatalog.TryGet("a3-highgpu-8g", out var a3));
        Assert.Equal(("nvidia-h100-80gb", 8, 208), (a3.BundledGpuType!, a3.BundledGpuCount, a3.VCpus));
        Assert.True(MachineTypeCatalog.TryGet("a2-ultragpu-2g", out var a2));
        Assert.Equal(("nvidia-a100-80gb", 2, 340.0), (a2.BundledGpuType!, a2.BundledGpuCount, a2.MemoryGiB));
        Assert.All(new[] { 4, 8, 12, 16, 24, 32, 48, 96 }, n => Assert.True(MachineTypeCatalog.TryGet($"g2-standard-{n}", out var g) && g.BundledGpuType == "nvidia-l4"));
        var prices = PriceTable.Default;
        // a3-highgpu-1g: 1.18251 USD/h without its GPU + 9.79655 for the H100.
        Assert.Equal(1.18251 + 9.79655, prices.NodeHourly(a3 with { VCpus = 26, MemoryGiB = 234, BundledGpuCount = 1 }, false, null, 0), 3);
        Assert.Null(GpuCatalog.Incompatibility("nvidia-a100-80gb", a2, 2));
        Assert.NotNull(GpuCatalog.Incompatibility("nvidia-tesla-a100", a2, 2));
    }
}
