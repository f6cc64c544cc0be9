using System.Collections.Immutable;
using HubInfra.Core.Config;
using HubInfra.Testing;
using YamlDotNet.RepresentationModel;

namespace HubInfra.Components.Tests;

/// <summary>
/// Pulumi.Kubernetes 4.29 and later create an object with a plain create: one that already exists on the cluster
/// fails the <c>up</c> with AlreadyExists (pulumi-kubernetes CHANGELOG 4.29.0, #2926). Every object HubInfra creates
/// on a cluster therefore has a name it owns, and no provider of HubInfra's takes an existing object over.
/// </summary>
public class ExistingObjectsTests
{
    private const string KubernetesProvider = "pulumi:providers:kubernetes";

    /// <summary>
    /// StorageClasses GKE creates itself: <c>standard</c> (the in-tree default of older clusters), <c>standard-rwo</c> and
    /// <c>premium-rwo</c> (Compute Engine persistent disk CSI driver), and those of the Filestore CSI driver
    /// (<c>standard-rwx</c>, <c>premium-rwx</c>, <c>enterprise-rwx</c>, <c>enterprise-multishare-rwx</c>); GKE docs,
    /// "Using the Compute Engine persistent disk CSI Driver" and "Access Filestore instances with the Filestore CSI driver".
    /// </summary>
    private static readonly string[] GkeStorageClasses =
        ["standard", "standard-rwo", "premium-rwo", "standard-rwx", "premium-rwx", "enterprise-rwx", "enterprise-multishare-rwx"];

    private static Mocks WithCommunity(string community, string cluster, string location) => new(ImmutableDictionary<string, object>.Empty
        .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config(community))!.ToJson())
        .Add("kubeconfig", "apiVersion: v1\nkind: Config\n")
        .Add("clusterName", cluster)
        .Add("clusterLocation", location));

    private static Mocks MocksFor(string stack) => stack switch
    {
        "summer-school-2027" => WithCommunity("community-gpu", "ml-teaching", "europe-west4"),
        "workshop-2027" or "hackathon-2027" => WithCommunity("community-small", "open-science", "us-central1"),
        _ => new Mocks(),
    };

    [Theory]
    [InlineData("community-small")]
    [InlineData("local")]
    [InlineData("workshop-2027")]
    [InlineData("summer-school-2027")]
    public async Task Every_kubernetes_provider_is_told_never_to_take_over_an_existing_object(string stack)
    {
        var mocks = MocksFor(stack);
        await StackRun.RunAsync(mocks, StackRun.Config(stack));
        var providers = mocks.OfType(KubernetesProvider).ToList();
        Assert.NotEmpty(providers);
        // Set by the program, so PULUMI_K8S_UPSERT_EXISTING_OBJECTS in an operator's shell cannot switch it on.
        Assert.All(providers, p => Assert.Equal("false", p.Inputs["upsertExistingObjects"].ToString()!.ToLowerInvariant()));
    }

    [Fact]
    public async Task The_storage_classes_have_names_hubinfra_owns_never_one_gke_creates()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var names = mocks.OfType("kubernetes:storage.k8s.io/v1:StorageClass")
            .Select(c => (string)((ImmutableDictionary<string, object>)c.Inputs["metadata"])["name"]).ToList();
        Assert.Equal(["hubinfra-delete", "hubinfra-retain"], names.Order(StringComparer.Ordinal));
        Assert.All(names, n => Assert.DoesNotContain(n, GkeStorageClasses));
    }

    [Theory]
    [InlineData("kube-system")]
    [InlineData("default")]
    [InlineData("gmp-public")]
    public async Task A_hub_in_a_namespace_the_cluster_already_has_is_refused_before_anything_is_created(string ns)
    {
        var mocks = new Mocks();
        var raw = StackRun.Config("community-small", y => y.Replace("      homeStorage: 10Gi", $"      namespace: {ns}\n      homeStorage: 10Gi"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(mocks, raw));
        Assert.Contains($"hubinfra:hubs[0].namespace: '{ns}' is a namespace Kubernetes or GKE keeps for itself", error.ToString());
        Assert.Empty(mocks.Registered);
    }

    [Theory]
    [InlineData("hackathon-2027")]
    [InlineData("workshop-2027")]
    [InlineData("summer-school-2027")]
    public async Task Every_object_an_event_applies_is_named_after_the_event(string stack)
    {
        // Event stack names are unique in the project and whole in every derived name (StackNameRules), so no two
        // events, and nothing GKE ships, share one of these names.
        var mocks = MocksFor(stack);
        await StackRun.RunAsync(mocks, StackRun.Config(stack));
        var yaml = new YamlStream();
        yaml.Load(new StringReader((string)mocks.Single("kubernetes:yaml/v2:ConfigGroup", stack).Inputs["yaml"]));
        Assert.NotEmpty(yaml.Documents);
        foreach (var document in yaml.Documents)
        {
            var root = (YamlMappingNode)document.RootNode;
            var metadata = (YamlMappingNode)root.Children[new YamlScalarNode("metadata")];
            var name = ((YamlScalarNode)metadata.Children[new YamlScalarNode("name")]).Value!;
            Assert.StartsWith($"{stack}-", name);
        }
    }

    [Fact]
    public async Task A_workshop_hub_creates_its_namespace_for_its_generation()
    {
        // A RESET (a new generation) is a new namespace: the old one is never re-created under the same name.
        var mocks = MocksFor("workshop-2027");
        await StackRun.RunAsync(mocks, StackRun.Config("workshop-2027", y => y.Replace("generation: 1", "generation: 2")));
        var ns = mocks.OfType("kubernetes:core/v1:Namespace").Single();
        Assert.Equal("workshop-g2", (string)((ImmutableDictionary<string, object>)ns.Inputs["metadata"])["name"]);
    }
}
