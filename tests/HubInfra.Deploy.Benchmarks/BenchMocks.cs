using System.Collections.Immutable;
using Pulumi.Testing;

namespace HubInfra.Deploy.Benchmarks;

/// <summary>Mocks that echo inputs and supply what the program reads back (cluster endpoint, stack reference outputs).</summary>
public sealed class BenchMocks(ImmutableDictionary<string, object> communityOutputs) : IMocks
{
    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        var state = args.Inputs.ToBuilder();
        switch (args.Type)
        {
            case "gcp:container/cluster:Cluster":
                state["endpoint"] = "203.0.113.10";
                state["masterAuth"] = ImmutableDictionary<string, object>.Empty.Add("clusterCaCertificate", "Q0E=")
                    .Add("clientCertificateConfig", ImmutableDictionary<string, object>.Empty.Add("issueClientCertificate", false));
                break;
            case "gcp:serviceaccount/account:Account":
                state["email"] = "nodes@project.iam.gserviceaccount.com";
                state["member"] = "serviceAccount:nodes@project.iam.gserviceaccount.com";
                break;
            case "gcp:compute/address:Address":
                state["address"] = "198.51.100.7";
                break;
            case "pulumi:pulumi:StackReference":
                state["outputs"] = communityOutputs;
                state["secretOutputNames"] = ImmutableArray.Create<object>("kubeconfig");
                break;
        }
        return Task.FromResult<(string?, object)>(($"{args.Name}-id", state.ToImmutable()));
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Token switch
    {
        "gcp:organizations/getProject:getProject" => ImmutableDictionary<string, object>.Empty.Add("number", "123456789"),
        _ => args.Args,
    });
}
