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
        Assert.Equal(["main"], contract.Community.Hubs.Select(h => h.Name));
        Assert.DoesNotContain("ciphertext", contract.ToJson(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void An_event_plans_against_the_contract_exactly_as_against_the_stack_file()
    {
        var contract = CommunityContract.Of(Raw("community-small"))!;
        var problems = new List<Problem>();
        var read = CommunityContract.Read(contract.ToJson(), "community-small", "hackathon-2027", problems)!;
        Assert.Empty(problems);
        var fromContract = read.Community;
        var ev = TestStacks.Example("hackathon-2027");
        Assert.Equal(EventManifests.Yaml(ev.Plan!), EventManifests.Yaml(TestStacks.PlanOf(ev.Event!, fromContract)));
    }

    public static TheoryData<string> Communities() => ["community-small", "community-gpu", "local"];

    [Theory]
    [MemberData(nameof(Communities))]
    public void The_typed_community_reads_back_field_for_field(string stack)
    {
        var contract = CommunityContract.Of(Raw(stack))!;
        var problems = new List<Problem>();
        var read = CommunityContract.Read(contract.ToJson(), stack, "an-event", problems)!;
        Assert.Empty(problems);
        Assert.Equal(contract.ToJson(), read.ToJson());
        Assert.Equal(contract.Community.Hubs.SelectMany(h => h.Profiles).Select(p => (p.Name, p.NodePool, p.CpuGuarantee, p.MemoryGuarantee)),
            read.Community.Hubs.SelectMany(h => h.Profiles).Select(p => (p.Name, p.NodePool, p.CpuGuarantee, p.MemoryGuarantee)));
        Assert.Equal(contract.Community.Cluster.MaintenanceWindow.Zone, read.Community.Cluster.MaintenanceWindow.Zone);
        Assert.Equal(contract.Community.Capacity.Prices.Basis, read.Community.Capacity.Prices.Basis);
    }

    /// <summary>
    /// Every example event, loaded against its community as the Pulumi program reads it (the contract) and as the CLI
    /// binds it (the stack file): the same problems, the same plan document, the same manifests and workshop values.
    /// </summary>
    [Theory]
    [InlineData("hackathon-2027")]
    [InlineData("workshop-2027")]
    [InlineData("summer-school-2027")]
    [InlineData("gpu-lab-2027")]
    [InlineData("workshop-sessions-2027")]
    public void Every_example_event_plans_against_the_contract_as_against_the_stack_file(string stack)
    {
        var direct = TestStacks.Example(stack);
        var community = direct.Event!.CommunityStack;
        var problems = new List<Problem>();
        var read = CommunityContract.Read(CommunityContract.Of(Raw(community))!.ToJson(), community, stack, problems)!;
        var viaContract = HubInfra.Core.Stacks.StackLoader.Load(Raw(stack), name => name == community ? read.Community : null, TestStacks.Now,
            () => TestStacks.Examples().Events(), TestStacks.Directory, exclusionsDerived: true);
        Assert.Equal(direct.Problems.Select(p => p.ToString()), viaContract.Problems.Select(p => p.ToString()));
        Assert.Equal(PlanDocument.Json(PlanDocument.Event(direct.Plan!)), PlanDocument.Json(PlanDocument.Event(viaContract.Plan!)));
        Assert.Equal(EventManifests.Yaml(direct.Plan!), EventManifests.Yaml(viaContract.Plan!));
        if (direct.Plan!.WorkshopHub is { } ws)
            Assert.Equal(HubInfra.Core.Yaml.ValuesYaml.Serialize(ws.Values), HubInfra.Core.Yaml.ValuesYaml.Serialize(viaContract.Plan!.WorkshopHub!.Values));
    }

    [Fact]
    public void No_secret_of_the_community_reaches_its_events()
    {
        var raw = Raw("community-small");
        var stack = HubInfra.Core.Binding.CommunityBinder.Bind(raw, []);
        var hub = stack.Hubs[0];
        var withPlaintext = stack with
        {
            Hubs = [hub with { Auth = hub.Auth with { GitHub = hub.Auth.GitHub! with { ClientSecret = new Secret("decrypted-client-secret", true) } } }],
        };
        var json = CommunityContract.From(withPlaintext).ToJson();
        Assert.DoesNotContain("decrypted-client-secret", json, StringComparison.Ordinal);
        Assert.Contains("\"clientSecret\": \"[secret]\"", json, StringComparison.Ordinal);
        var read = CommunityContract.Read(json, "community-small", "an-event", [])!;
        Assert.Null(read.Community.Hubs[0].Auth.GitHub!.ClientSecret.Plaintext);
    }

    [Fact]
    public void A_contract_of_another_version_is_refused_naming_both_stacks_and_what_to_do()
    {
        var json = CommunityContract.Of(Raw("community-small"))!.ToJson().Replace($"\"version\": {CommunityContract.CurrentVersion}", "\"version\": 99");
        var problems = new List<Problem>();
        Assert.Null(CommunityContract.Read(json, "community-small", "hackathon-2027", problems));
        var p = Assert.Single(problems);
        Assert.Equal("hubinfra:event.community", p.Key);
        Assert.Contains("community stack community-small exports its contract in version 99", p.Message);
        Assert.Contains($"event stack hackathon-2027 reads version {CommunityContract.CurrentVersion}", p.Message);
        Assert.Contains("run pulumi up on community-small", p.Message);
    }

    [Theory]
    [InlineData("\"hubs\": [", "\"hubs\": null, \"x\": [")]
    [InlineData("\"machineType\": \"n2-highmem-4\"", "\"machineType\": null")]
    [InlineData("\"zone\": \"America/Chicago\"", "\"zone\": \"Mars/Olympus\"")]
    [InlineData("\"kind\": \"Community\"", "\"kind\": \"Cluster\"")]
    public void A_contract_of_this_version_with_a_value_the_model_cannot_hold_is_refused_before_planning(string field, string broken)
    {
        var json = CommunityContract.Of(Raw("community-small"))!.ToJson();
        Assert.Contains(field, json, StringComparison.Ordinal);
        var problems = new List<Problem>();
        Assert.Null(CommunityContract.Read(json.Replace(field, broken), "community-small", "hackathon-2027", problems));
        Assert.Contains("exports no readable communityContract: run pulumi up on community-small", Assert.Single(problems).Message);
    }

    [Fact]
    public void Something_that_is_no_contract_is_refused_with_what_to_do()
    {
        var problems = new List<Problem>();
        Assert.Null(CommunityContract.Read("{\"hubinfra:kind\":\"community\"}", "community-small", "hackathon-2027", problems));
        Assert.Contains("exports no readable communityContract", Assert.Single(problems).Message);
    }
}
