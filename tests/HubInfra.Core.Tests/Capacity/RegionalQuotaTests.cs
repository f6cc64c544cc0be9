using HubInfra.Core.Capacity;
using HubInfra.Core.Planning;

namespace HubInfra.Core.Tests.Capacity;

/// <summary>What the peak needs of the region's quotas, and <c>capacity.quota</c> turning an excess into an error.</summary>
public class RegionalQuotaTests
{
    private static (Model.CommunityStack Community, EventPlan Plan) SummerSchool()
    {
        var loaded = TestStacks.Example("summer-school-2027");
        Assert.False(loaded.HasErrors);
        return (loaded.Community!, loaded.Plan!);
    }

    [Fact]
    public void The_community_needs_its_pools_at_their_max()
    {
        var (community, _) = SummerSchool();
        var q = RegionalQuota.Peak(community, []);
        Assert.Equal("europe-west4", q.Region);
        // core 3 × n2-standard-4 (12) + cpu 60 × n2-highmem-8 (480) = 492 N2 vCPUs; gpu 8 × n1-standard-8 with one T4 each.
        Assert.Equal(492, q.CpusByFamily["n2"]);
        Assert.Equal(64, q.CpusByFamily["n1"]);
        Assert.Equal(8, q.GpusByType["nvidia-tesla-t4"]);
        Assert.Equal(0, q.InUseAddresses); // private nodes
        Assert.Empty(q.Events);
    }

    [Fact]
    public void An_event_with_its_own_pool_adds_that_pool_at_its_max_while_it_is_warm()
    {
        var (community, plan) = SummerSchool();
        var q = RegionalQuota.Peak(community, [plan]);
        var dedicated = plan.Pool.Dedicated!;
        Assert.Equal(492 + dedicated.MaxNodes * 16, q.CpusByFamily["n2"]);
        Assert.Equal(["summer-school-2027"], q.Events);
        var doc = HubInfra.Core.Planning.PlanDocument.Tree(HubInfra.Core.Planning.PlanDocument.Quota(q));
        Assert.Equal(["region", "cpusByFamily", "gpusByType", "ssdGb", "inUseAddresses", "overlappingEvents"], doc.Keys);
    }

    [Fact]
    public void Only_events_warm_at_the_same_time_add_up()
    {
        var (community, plan) = SummerSchool();
        var later = plan with { Event = plan.Event with { StackName = "later" }, Windows = plan.Windows.Select(w => w with { WarmFrom = w.WarmFrom + NodaTime.Duration.FromDays(60), CoolAt = w.CoolAt + NodaTime.Duration.FromDays(60) }).ToList() };
        var same = plan with { Event = plan.Event with { StackName = "same-time" } };
        Assert.Equal(["summer-school-2027"], RegionalQuota.Overlapping(plan, [later]).Select(p => p.Event.StackName));
        var both = RegionalQuota.Peak(community, RegionalQuota.Overlapping(plan, [later, same]));
        Assert.Equal(492 + 2 * plan.Pool.Dedicated!.MaxNodes * 16, both.CpusByFamily["n2"]);
        Assert.Equal(["same-time", "summer-school-2027"], both.Events);
    }

    [Fact]
    public void A_community_quota_below_its_pools_is_an_error_at_the_quota_key()
    {
        var errors = TestStacks.Errors(TestStacks.Inline(TestStacks.Community + "\n  hubinfra:capacity:\n    quota: { cpus: { n2: 40 }, ssdGb: 100000, inUseAddresses: 8 }\n"));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:capacity.quota.cpus.n2: the node pools at their maxNodeCount need 46 N2_CPUS in us-central1, more than the quota of 40", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:capacity.quota.inUseAddresses: the node pools at their maxNodeCount need 13 IN_USE_ADDRESSES", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Contains("ssdGb", StringComparison.Ordinal));
    }

    [Fact]
    public void An_event_over_the_quota_is_an_error_naming_the_event_and_the_quota()
    {
        var community = TestStacks.Inline(File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.community-gpu.yaml"))
            .Replace("config:\n", "config:\n  hubinfra:capacity:\n    quota: { cpus: { n2: 600 } }\n"), "community-gpu").Community!;
        var loaded = TestStacks.Inline(File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.summer-school-2027.yaml")), "summer-school-2027",
            name => name == "community-gpu" ? community : null);
        var error = Assert.Single(TestStacks.Errors(loaded));
        Assert.StartsWith("hubinfra:event.pool: event summer-school-2027 at its peak needs ", error);
        Assert.Contains("N2_CPUS in europe-west4", error);
        Assert.Contains("more than the quota of 600 (hubinfra:capacity.quota.cpus.n2)", error);
    }

    [Fact]
    public void Quota_names_follow_compute_engine()
    {
        Assert.Equal("NVIDIA_T4_GPUS", RegionalQuota.GpuQuotaName("nvidia-tesla-t4"));
        Assert.Equal("NVIDIA_L4_GPUS", RegionalQuota.GpuQuotaName("nvidia-l4"));
        Assert.Equal("NVIDIA_A100_GPUS", RegionalQuota.GpuQuotaName("nvidia-tesla-a100"));
    }

    [Fact]
    public void Cloud_quotas_ids_and_limits_per_region()
    {
        var (community, _) = SummerSchool();
        var uses = RegionalQuota.Peak(community, []).Uses();
        Assert.Equal(["CPUS-per-project-region", "N2-CPUS-per-project-region", "NVIDIA-T4-GPUS-per-project-region", "SSD-TOTAL-GB-per-project-region"],
            uses.Select(u => u.QuotaId));
        Assert.Equal(64, uses[0].Need); // the n1 GPU nodes count under CPUS

        IReadOnlyDictionary<string, string> Region(string r) => new Dictionary<string, string> { ["region"] = r };
        IReadOnlyDictionary<string, string> Any() => new Dictionary<string, string>();
        Assert.Equal(500, RegionalQuota.LimitIn([(Any(), "24"), (Region("europe-west4"), "500")], "europe-west4"));
        Assert.Equal(24, RegionalQuota.LimitIn([(Any(), "24"), (Region("europe-west4"), "500")], "us-central1"));
        Assert.Null(RegionalQuota.LimitIn([(Any(), "-1")], "us-central1")); // unlimited
        Assert.Null(RegionalQuota.LimitIn([(Region("europe-west4"), "500")], "us-central1"));
    }
}
