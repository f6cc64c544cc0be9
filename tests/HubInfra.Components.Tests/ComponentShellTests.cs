using System.Collections.Immutable;
using HubInfra.Core.Config;
using HubInfra.Testing;
using Pulumi;

namespace HubInfra.Components.Tests;

/// <summary>
/// The Pulumi shell reads like any Pulumi program: each component's type token is its class name, every resource is
/// a child of its component, dependsOn reaches every resource of a component, and components whose token (or parent)
/// changed keep the resources existing stacks have through aliases.
/// </summary>
public class ComponentShellTests
{
    /// <summary>The tokens the components had before they were named after their classes: what existing stacks hold.</summary>
    private static readonly Dictionary<string, string> FormerTokens = new(StringComparer.Ordinal)
    {
        [nameof(GkeCluster)] = "hubinfra:gke:Cluster",
        [nameof(GkeNodePool)] = "hubinfra:gke:NodePool",
        [nameof(HubRelease)] = "hubinfra:hub:Hub",
        [nameof(HubStorageClasses)] = "hubinfra:hub:StorageClasses",
        [nameof(CommunityBudget)] = "hubinfra:billing:Budget",
        [nameof(EventCapacity)] = "hubinfra:event:Capacity",
        [nameof(WorkshopAccounts)] = "hubinfra:workshop:Accounts",
    };

    /// <summary>Every kind of stack: two communities, a workshop, an event with its own pool, an event on shared pools.</summary>
    public static TheoryData<string> Stacks => new() { "community-small", "community-gpu", "workshop-2027", "summer-school-2027", "hackathon-2027" };

    private static Mocks MocksFor(string stack) => stack switch
    {
        "summer-school-2027" => WithCommunity("community-gpu", "ml-teaching", "europe-west4"),
        "workshop-2027" or "hackathon-2027" => WithCommunity("community-small", "open-science", "us-central1"),
        _ => new Mocks(),
    };

    private static Mocks WithCommunity(string community, string cluster, string location) => new(ImmutableDictionary<string, object>.Empty
        .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config(community))!.ToJson())
        .Add("kubeconfig", "apiVersion: v1\nkind: Config\n")
        .Add("clusterName", cluster)
        .Add("clusterLocation", location));

    private static Task<IReadOnlyList<(Resource Resource, ResourceOptions Options)>> Probe(string stack, Mocks? mocks = null) =>
        StackRun.ProbeAsync(mocks ?? MocksFor(stack), StackRun.Config(stack));

    private static async Task<ImmutableArray<Resource>> DependsOnOf(ResourceOptions options) =>
        await StackRun.ValueOf((Output<ImmutableArray<Resource>>)options.DependsOn);

    [Fact]
    public async Task Every_component_type_token_is_hubinfra_index_and_its_class_name()
    {
        var classes = typeof(HubInfraComponent).Assembly.GetTypes()
            .Where(t => t.IsSubclassOf(typeof(HubInfraComponent)) && !t.IsAbstract).Select(t => t.Name).ToList();
        Assert.Equal(FormerTokens.Keys.Order(StringComparer.Ordinal), classes.Order(StringComparer.Ordinal));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var stack in Stacks)
        {
            foreach (var (resource, _) in await Probe(stack))
            {
                if (resource is not HubInfraComponent) continue;
                Assert.Equal($"hubinfra:index:{resource.GetType().Name}", resource.GetResourceType());
                seen.Add(resource.GetType().Name);
            }
        }
        Assert.Equal(classes.Order(StringComparer.Ordinal), seen.Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Renamed_components_keep_the_urns_existing_stacks_have_through_an_alias(string stack)
    {
        foreach (var (resource, options) in await Probe(stack))
        {
            if (resource is not HubInfraComponent) continue;
            var former = FormerTokens[resource.GetType().Name];
            var aliases = await StackRun.AliasUrnsOf(resource);
            if (options.Parent is null || resource is WorkshopAccounts)
            {
                // At the stack's root before (the workshop's accounts too, now a child of their hub): the exact former URN.
                var urn = $"urn:pulumi:{stack}::hubinfra::{former}::{resource.GetResourceName()}";
                Assert.True(aliases.Contains(urn), $"no alias {urn} in [{string.Join(", ", aliases)}]");
            }
            else
            {
                // Inside a renamed component (a community's pools in its cluster): the former token under the same parent;
                // Pulumi combines it with the parent's own alias into the former URN.
                Assert.Contains(aliases, a => a.EndsWith($"${former}::{resource.GetResourceName()}", StringComparison.Ordinal));
            }
        }
    }

    [Fact]
    public async Task The_workshop_accounts_are_a_child_of_their_hub_and_their_former_urn_at_the_root_is_an_alias()
    {
        var probe = await Probe("workshop-2027");
        var accounts = probe.Single(p => p.Resource is WorkshopAccounts);
        Assert.IsType<HubRelease>(accounts.Options.Parent);
        Assert.Equal("urn:pulumi:workshop-2027::hubinfra::hubinfra:index:HubRelease$hubinfra:index:WorkshopAccounts::workshop-2027-accounts",
            EngineUrn("workshop-2027", accounts.Resource, probe));
        Assert.Contains("urn:pulumi:workshop-2027::hubinfra::hubinfra:workshop:Accounts::workshop-2027-accounts",
            await StackRun.AliasUrnsOf(accounts.Resource));
        // Its Secret and passwords are its own children.
        Assert.All(probe.Where(p => p.Resource is Pulumi.Random.RandomPassword || p.Resource is Pulumi.Kubernetes.Core.V1.Secret),
            p => Assert.Same(accounts.Resource, p.Options.Parent));
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_resource_but_providers_and_the_stack_reference_is_a_child_of_a_component(string stack)
    {
        var probe = await Probe(stack);
        foreach (var (resource, options) in probe)
        {
            if (resource is Stack || resource is HubInfraComponent || resource is ProviderResource || resource is StackReference) continue;
            Assert.True(options.Parent is HubInfraComponent,
                $"{resource.GetResourceType()} {resource.GetResourceName()} is not a child of a component");
            // In its URN, its type is qualified by its component's.
            Assert.StartsWith($"urn:pulumi:{stack}::hubinfra::hubinfra:index:", EngineUrn(stack, resource, probe));
        }
    }

    [Theory]
    [MemberData(nameof(Stacks))]
    public async Task Every_resource_of_a_component_waits_for_what_the_component_waits_for(string stack)
    {
        var probe = await Probe(stack);
        var optionsOf = probe.ToDictionary(p => p.Resource, p => p.Options);
        var checkedChildren = 0;
        foreach (var (resource, options) in probe)
        {
            if (options.Parent is not HubInfraComponent parent) continue;
            var parentWaitsFor = await DependsOnOf(optionsOf[parent]);
            var waitsFor = await DependsOnOf(options);
            foreach (var dependency in parentWaitsFor)
                Assert.Contains(dependency, waitsFor);
            checkedChildren += parentWaitsFor.Length > 0 ? 1 : 0;
        }
        if (stack is "community-small" or "community-gpu" or "summer-school-2027")
            Assert.True(checkedChildren > 0, "no component of this stack waits for anything: the test checked nothing");
    }

    [Fact]
    public async Task The_event_capacity_waits_for_the_events_own_node_pool()
    {
        var probe = await Probe("summer-school-2027");
        var capacity = probe.Single(p => p.Resource is EventCapacity);
        var pool = probe.Single(p => p.Resource is GkeNodePool).Resource;
        Assert.Contains(pool, await DependsOnOf(capacity.Options));

        var mocks = MocksWithDelay("community-gpu", "ml-teaching", "europe-west4", "gcp:container/nodePool:NodePool");
        await StackRun.RunAsync(mocks, StackRun.Config("summer-school-2027"));
        var poolName = mocks.OfType("gcp:container/nodePool:NodePool").Single().Name!;
        Assert.True(mocks.When("start", "kubernetes:yaml/v2:ConfigGroup", "summer-school-2027") > mocks.When("done", "gcp:container/nodePool:NodePool", poolName),
            "the event's objects were applied before its node pool was there");
    }

    [Fact]
    public async Task A_workshop_hub_installs_its_chart_only_once_its_accounts_secret_exists()
    {
        var mocks = MocksWithDelay("community-small", "open-science", "us-central1", "kubernetes:core/v1:Secret");
        await StackRun.RunAsync(mocks, StackRun.Config("workshop-2027"));
        var release = mocks.OfType("kubernetes:helm.sh/v3:Release").Single().Name!;
        Assert.True(mocks.When("start", "kubernetes:helm.sh/v3:Release", release) > mocks.When("done", "kubernetes:core/v1:Secret", "workshop-accounts"));
        Assert.True(mocks.When("start", "kubernetes:core/v1:Secret", "workshop-accounts") > mocks.When("done", "kubernetes:core/v1:Namespace", "workshop-g1"));
    }

    private static Mocks MocksWithDelay(string community, string cluster, string location, string slowType) => new(ImmutableDictionary<string, object>.Empty
        .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config(community))!.ToJson())
        .Add("kubeconfig", "apiVersion: v1\nkind: Config\n")
        .Add("clusterName", cluster)
        .Add("clusterLocation", location))
    {
        DelayOf = type => type == slowType ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero,
    };

    /// <summary>
    /// The URN Pulumi's engine gives a resource, <c>urn:pulumi:STACK::PROJECT::QUALIFIED-TYPE::NAME</c>, where the
    /// type is qualified by its ancestors' types (<c>parent$child</c>, the stack left out). The mocks' own URNs keep only
    /// the outermost ancestor (always the stack), so the chain is read from the parents the resources were given.
    /// </summary>
    private static string EngineUrn(string stack, Resource resource, IReadOnlyList<(Resource Resource, ResourceOptions Options)> probe)
    {
        var types = new List<string>();
        for (Resource? r = resource; r is not null && r is not Stack; r = probe.Single(p => ReferenceEquals(p.Resource, r)).Options.Parent)
            types.Insert(0, r.GetResourceType());
        return $"urn:pulumi:{stack}::hubinfra::{string.Join("$", types)}::{resource.GetResourceName()}";
    }
}
