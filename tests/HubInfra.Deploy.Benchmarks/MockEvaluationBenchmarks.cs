using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using HubInfra.Benchmarks;
using HubInfra.Core.Config;
using HubInfra.Testing;
using Pulumi;
using Pulumi.Testing;

namespace HubInfra.Deploy.Benchmarks;

/// <summary>
/// Pulumi mock evaluation of the real program: a community stack with 3 hubs (GKE cluster, 3 pools, budget-less),
/// and 10 event stacks on it.
/// </summary>
[MemoryDiagnoser]
public class MockEvaluationBenchmarks
{
    private RawConfig _community = null!;
    private List<RawConfig> _events = null!;
    private ImmutableDictionary<string, object> _communityOutputs = null!;

    [GlobalSetup]
    public void Setup()
    {
        var community = StackFile.Parse("community-000", GeneratedStacks.Community(0));
        _community = SecretPaths.Mark(community, community);
        _events = Enumerable.Range(0, 10).Select(i => StackFile.Parse($"event-{i}", GeneratedStacks.Event("community-000", i))).ToList();
        _communityOutputs = ImmutableDictionary<string, object>.Empty
            .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(community)!.ToJson())
            .Add("kubeconfig", "apiVersion: v1\n")
            .Add("clusterName", "hub-community-000")
            .Add("clusterLocation", "us-central1");
    }

    private static TestOptions Options(string stack) => new() { IsPreview = false, StackName = stack, ProjectName = "hubinfra", OrganizationName = "organization" };

    [Benchmark]
    public async Task<int> CommunityStackWithThreeHubs()
    {
        var (resources, _) = await Deployment.TestAsync(new Mocks(_communityOutputs), Options("community-000"), () => HubInfraProgram.RunAsync(_community));
        return resources.Length;
    }

    [Benchmark]
    public async Task<int> TenEventStacks()
    {
        var total = 0;
        foreach (var ev in _events)
        {
            var (resources, _) = await Deployment.TestAsync(new Mocks(_communityOutputs), Options(ev.StackName), () => HubInfraProgram.RunAsync(ev));
            total += resources.Length;
        }
        return total;
    }
}
