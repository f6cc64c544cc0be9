using System.Collections.Immutable;
using Pulumi.Testing;

namespace HubInfra.Testing;

/// <summary>
/// Pulumi mocks: every resource gets its inputs back as state (plus the outputs real providers compute that the
/// program reads), and every registration is recorded for assertions.
/// </summary>
public sealed class Mocks(IReadOnlyDictionary<string, object>? communityOutputs = null) : IMocks
{
    public List<MockResourceArgs> Registered { get; } = [];

    public Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (Registered) Registered.Add(args);
        var state = args.Inputs.ToBuilder();
        switch (args.Type)
        {
            case "gcp:container/cluster:Cluster":
                state["endpoint"] = "203.0.113.10";
                state["masterAuth"] = ImmutableDictionary<string, object>.Empty.Add("clusterCaCertificate", "Q0E=")
                    .Add("clientCertificateConfig", ImmutableDictionary<string, object>.Empty.Add("issueClientCertificate", false));
                break;
            case "gcp:serviceaccount/account:Account":
                state["email"] = $"{args.Inputs["accountId"]}@project.iam.gserviceaccount.com";
                state["member"] = $"serviceAccount:{args.Inputs["accountId"]}@project.iam.gserviceaccount.com";
                break;
            case "gcp:compute/address:Address":
                state["address"] = "198.51.100.7";
                break;
            case "random:index/randomPassword:RandomPassword":
                state["result"] = $"pw-{args.Name}";
                state["bcryptHash"] = $"$2a$10$hash-of-{args.Name}";
                break;
            case "pulumi:pulumi:StackReference":
                state["outputs"] = communityOutputs ?? ImmutableDictionary<string, object>.Empty;
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

    public IEnumerable<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type);

    public MockResourceArgs Single(string type, string name) => Registered.Single(r => r.Type == type && r.Name == name);
}
