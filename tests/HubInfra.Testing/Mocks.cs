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

    /// <summary>The regional limit Cloud Quotas reports for a quota id (all regions alike); null: unlimited.</summary>
    public Func<string, long?> QuotaLimit { get; init; } = _ => null;

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
        "gcp:cloudquota/getSQuotaInfo:getSQuotaInfo" => QuotaInfo((string)args.Args["quotaId"], (string)args.Args["parent"]),
        _ => args.Args,
    });

    /// <summary>A Cloud Quotas answer: one dimension info without a region dimension (the default for every region).</summary>
    private ImmutableDictionary<string, object> QuotaInfo(string quotaId, string parent)
    {
        lock (Registered) Timeline.Add($"quota {quotaId}");
        var limit = QuotaLimit(quotaId) ?? -1;
        var info = ImmutableDictionary<string, object>.Empty
            .Add("applicableLocations", ImmutableArray.Create<object>("us-central1", "europe-west4"))
            .Add("details", ImmutableArray.Create<object>(ImmutableDictionary<string, object>.Empty.Add("value", limit.ToString(System.Globalization.CultureInfo.InvariantCulture))))
            .Add("dimensions", ImmutableDictionary<string, object>.Empty);
        return ImmutableDictionary<string, object>.Empty
            .Add("containerType", "PROJECT").Add("dimensions", ImmutableArray.Create<object>("region"))
            .Add("dimensionsInfos", ImmutableArray.Create<object>(info))
            .Add("id", $"{parent}/locations/global/services/compute.googleapis.com/quotaInfos/{quotaId}")
            .Add("isConcurrent", false).Add("isFixed", false).Add("isPrecise", true)
            .Add("metric", "compute.googleapis.com/cpus").Add("metricDisplayName", quotaId).Add("metricUnit", "1")
            .Add("name", quotaId).Add("parent", parent).Add("quotaDisplayName", quotaId).Add("quotaId", quotaId)
            .Add("quotaIncreaseEligibilities", ImmutableArray<object>.Empty)
            .Add("refreshInterval", "day").Add("service", "compute.googleapis.com").Add("serviceRequestQuotaUri", "");
    }

    public IEnumerable<MockResourceArgs> OfType(string type) => Registered.Where(r => r.Type == type);

    public MockResourceArgs Single(string type, string name) => Registered.Single(r => r.Type == type && r.Name == name);
}
