namespace HubInfra.Core.Tests.Validation;

/// <summary>GKE and Compute Engine size and name limits, each an error at its key.</summary>
public class GkeLimitsTests
{
    private static IReadOnlyList<string> Errors(string find, string replace)
    {
        Assert.Contains(find, TestStacks.Community);
        return TestStacks.Errors(TestStacks.Inline(TestStacks.Community.Replace(find, replace)));
    }

    private static IReadOnlyList<string> ErrorsWithCluster(string cluster, string userPool = "maxNodeCount: 10") =>
        TestStacks.Errors(TestStacks.Inline(TestStacks.Community.Replace("maxNodeCount: 10", userPool) + "\n  hubinfra:cluster:\n" + cluster));

    [Fact]
    public void A_pool_may_have_at_most_1000_nodes_per_zone()
    {
        // Regional without nodeLocations: three zones, 3,000 nodes. (The default core pool adds up to 3.)
        Assert.DoesNotContain(Errors("maxNodeCount: 10", "maxNodeCount: 3000"), e => e.Contains("per node pool per zone", StringComparison.Ordinal));
        var error = Assert.Single(Errors("maxNodeCount: 10", "maxNodeCount: 3001"), e => e.Contains("per zone", StringComparison.Ordinal));
        Assert.StartsWith("hubinfra:nodePools.user[0].maxNodeCount: 3001 nodes over 3 zones is more than GKE's 1000 nodes per node pool per zone", error);

        var zonal = ErrorsWithCluster("    regional: false\n    nodeLocations: [us-central1-a]\n", "maxNodeCount: 1001");
        Assert.Contains(zonal, e => e.StartsWith("hubinfra:nodePools.user[0].maxNodeCount: 1001 nodes over 1 zone", StringComparison.Ordinal));
    }

    [Fact]
    public void The_pools_may_not_outgrow_the_pod_range_or_the_nodes_subnet()
    {
        var errors = ErrorsWithCluster("    network: { nodesCidr: 10.10.0.0/24, podsCidr: 10.20.0.0/20 }\n", "maxNodeCount: 300");
        Assert.Contains(errors, e => e.StartsWith("hubinfra:cluster.network.podsCidr: a /20 Pod range holds 16 nodes at GKE's 110 Pods per node (a /24 each), but the pools can grow to 303; use a /15 or larger", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:cluster.network.nodesCidr: a /24 subnet has 252 usable addresses (4 are reserved), but the pools can grow to 303 nodes", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains("use a /23 or larger", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cluster_holds_at_most_15000_nodes()
    {
        var errors = ErrorsWithCluster("    nodeLocations: [us-central1-a, us-central1-b, us-central1-c, us-central1-f]\n    network: { nodesCidr: 10.0.0.0/16, podsCidr: 10.64.0.0/10 }\n",
            "maxNodeCount: 4000\n      - name: more\n        machineType: n2-highmem-4\n        maxNodeCount: 4000\n      - name: most\n        machineType: n2-highmem-4\n        maxNodeCount: 4000\n      - name: too-many\n        machineType: n2-highmem-4\n        maxNodeCount: 4000");
        Assert.Contains(errors, e => e.StartsWith("hubinfra:nodePools: the pools can grow to 16003 nodes, more than GKE's 15000 nodes per cluster", StringComparison.Ordinal));
    }

    [Fact]
    public void Disks_are_at_most_64_tib()
    {
        var errors = Errors("maxNodeCount: 10", "maxNodeCount: 10\n        diskSizeGb: 70000");
        Assert.Contains(errors, e => e.StartsWith("hubinfra:nodePools.user[0].diskSizeGb: must be from 10 to", StringComparison.Ordinal));
    }

    [Fact]
    public void Pool_names_leave_room_for_the_providers_26_character_suffix()
    {
        Assert.DoesNotContain(Errors("- name: user", "- name: user-pool-abc"), e => e.Contains(".name:", StringComparison.Ordinal));
        var error = Assert.Single(Errors("- name: user\n", "- name: user-pool-abcd\n"), e => e.StartsWith("hubinfra:nodePools.user[0].name", StringComparison.Ordinal));
        Assert.Contains("at most 13 characters", error);
        Assert.Contains("26-character suffix", error);
    }
}

public class EventPoolLimitsTests
{
    [Fact]
    public void An_events_pool_must_fit_the_communitys_pod_range_with_the_community_pools_at_max()
    {
        var text = File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.community-gpu.yaml"));
        var community = TestStacks.Inline(text.Replace("maxNodeCount: 60", "maxNodeCount: 50")
            .Replace("    privateNodes: true\n", "    privateNodes: true\n    network: { podsCidr: 10.20.0.0/18 }\n"), "community-gpu");
        Assert.Empty(community.Errors); // 3 + 50 + 8 = 61 nodes at most fit a /18 (64 nodes)
        var loaded = TestStacks.Inline(File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.summer-school-2027.yaml")), "summer-school-2027",
            name => name == "community-gpu" ? community.Community : null);
        var error = Assert.Single(TestStacks.Errors(loaded));
        Assert.StartsWith("hubinfra:event.pool: with event summer-school-2027's pool of up to ", error);
        Assert.Contains("its /18 Pod range (hubinfra:cluster.network.podsCidr of community-gpu) holds 64", error);
    }
}
