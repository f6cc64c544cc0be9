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

    /// <summary>"start TYPE NAME" when a registration reaches the mocks, "done TYPE NAME" when it returns, in order.</summary>
    public List<string> Timeline { get; } = [];

    /// <summary>How long a registration of a type takes: a slow dependency shows whether dependents wait for it.</summary>
    public Func<string, TimeSpan> DelayOf { get; init; } = _ => TimeSpan.Zero;

    /// <summary>The community stack outputs the StackReference reports as secret.</summary>
    public IReadOnlyList<string> SecretOutputNames { get; init; } = ["kubeconfig"];

    public async Task<(string? id, object state)> NewResourceAsync(MockResourceArgs args)
    {
        lock (Registered)
        {
            Registered.Add(args);
            Timeline.Add($"start {args.Type} {args.Name}");
        }
        var delay = DelayOf(args.Type ?? "");
        if (delay > TimeSpan.Zero)
            await Task.Delay(delay);
        var result = NewResource(args);
        lock (Registered) Timeline.Add($"done {args.Type} {args.Name}");
        return result;
    }

    /// <summary>Index in <see cref="Timeline"/> of an event ("start"/"done") for a resource.</summary>
    public int When(string what, string type, string name) => Timeline.IndexOf($"{what} {type} {name}");

    private (string? id, object state) NewResource(MockResourceArgs args)
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
                state["secretOutputNames"] = SecretOutputNames.Cast<object>().ToImmutableArray();
                break;
        }
        return ($"{args.Name}-id", state.ToImmutable());
    }

    public Task<object> CallAsync(MockCallArgs args) => Task.FromResult<object>(args.Token switch
    {
        "gcp:organizations/getProject:getProject" => ImmutableDictionary<string, object>.Empty.Add("number", "123456789"),
        _ => args.Args,
    });

    public IEnumerable<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type);

    public MockResourceArgs Single(string type, string name) => Registered.Single(r => r.Type == type && r.Name == name);
}
