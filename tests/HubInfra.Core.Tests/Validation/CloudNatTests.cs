using HubInfra.Core.Config;
using HubInfra.Core.Planning;
using HubInfra.Core.Stacks;

namespace HubInfra.Core.Tests.Validation;

public class CloudNatTests
{
    private static LoadedStack Load(string cluster) => TestStacks.Inline(TestStacks.Community + "\n  hubinfra:cluster:\n" + cluster);

    [Fact]
    public void Private_nodes_on_a_created_network_get_a_nat_plan()
    {
        var stack = Load("    privateNodes: true\n    masterIpv4CidrBlock: 172.16.0.16/28\n");
        Assert.Empty(stack.Problems);
        var nat = ClusterPlan.From(stack.Community!).Nat!;
        Assert.Equal("hub-test-net-router", nat.RouterName);
        Assert.Equal("ERRORS_ONLY", nat.LogFilter);
    }

    [Fact]
    public void Private_nodes_on_an_existing_network_warn_that_a_nat_is_needed()
    {
        var stack = Load("    privateNodes: true\n    masterIpv4CidrBlock: 172.16.0.16/28\n    network: { create: false, name: shared-vpc, subnetwork: hubs }\n");
        Assert.Empty(stack.Errors);
        var warning = Assert.Single(stack.Problems);
        Assert.Equal(Severity.Warning, warning.Severity);
        Assert.Equal("hubinfra:cluster.network.create", warning.Key);
        Assert.Contains("Cloud NAT serves subnetwork 'hubs'", warning.Message);
        Assert.Null(ClusterPlan.From(stack.Community!).Nat);
    }

    [Fact]
    public void Public_nodes_need_no_nat()
    {
        Assert.Null(ClusterPlan.From(Load("    privateNodes: false\n").Community!).Nat);
    }
}
