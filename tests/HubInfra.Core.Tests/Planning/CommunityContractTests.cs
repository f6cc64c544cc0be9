using HubInfra.Core.Config;
using HubInfra.Core.Planning;

namespace HubInfra.Core.Tests.Planning;

/// <summary>The one versioned output a community stack gives its events, as the CLI builds it from the stack file.</summary>
public class CommunityContractTests
{
    private static RawConfig Raw(string stack) => StackFile.Parse(stack, File.ReadAllText(Path.Combine(TestStacks.Directory, $"Pulumi.{stack}.yaml")));

    [Fact]
    public void The_contract_says_where_the_cluster_is_and_what_its_events_plan_against_without_secrets()
    {
        var contract = CommunityContract.Of(Raw("community-small"))!;
        Assert.Equal(CommunityContract.CurrentVersion, contract.Version);
        Assert.Equal("open-science", contract.ClusterName);
        Assert.Equal("us-central1", contract.ClusterLocation);
        Assert.Equal("open-science-nodes@open-science-hub.iam.gserviceaccount.com", contract.NodeServiceAccountEmail);
        Assert.Equal("REGULAR", contract.ReleaseChannel);
        Assert.Equal("capacityBuffer", contract.Backend);
        Assert.Equal(["main"], contract.Hubs);
        Assert.DoesNotContain("ciphertext", contract.ToJson(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_event_plans_against_the_contract_exactly_as_against_the_stack_file()
    {
        var contract = CommunityContract.Of(Raw("community-small"))!;
        var problems = new List<Problem>();
        var read = CommunityContract.Read(contract.ToJson(), "community-small", "hackathon-2027", problems)!;
        Assert.Empty(problems);
        var fromContract = read.Community(problems)!;
        var ev = TestStacks.Example("hackathon-2027");
        Assert.Equal(EventManifests.Yaml(ev.Plan!), EventManifests.Yaml(TestStacks.PlanOf(ev.Event!, fromContract)));
    }

    [Fact]
    public void A_contract_of_another_version_is_refused_naming_both_stacks_and_what_to_do()
    {
        var json = CommunityContract.Of(Raw("community-small"))!.ToJson().Replace($"\"version\":{CommunityContract.CurrentVersion}", "\"version\":99");
        var problems = new List<Problem>();
        Assert.Null(CommunityContract.Read(json, "community-small", "hackathon-2027", problems));
        var p = Assert.Single(problems);
        Assert.Equal("hubinfra:event.community", p.Key);
        Assert.Contains("community stack community-small exports its contract in version 99", p.Message);
        Assert.Contains("event stack hackathon-2027 reads version 1", p.Message);
        Assert.Contains("run pulumi up on community-small", p.Message);
    }

    [Fact]
    public void Something_that_is_no_contract_is_refused_with_what_to_do()
    {
        var problems = new List<Problem>();
        Assert.Null(CommunityContract.Read("{\"hubinfra:kind\":\"community\"}", "community-small", "hackathon-2027", problems));
        Assert.Contains("exports no readable communityContract", Assert.Single(problems).Message);
    }
}
