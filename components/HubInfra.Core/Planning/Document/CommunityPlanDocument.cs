using System.Text.Json.Serialization;

namespace HubInfra.Core.Planning.Document;

/// <summary>
/// A community (or local) stack's plan as <c>plan --format json</c> prints it and <c>render</c> writes it. A local
/// stack has no cluster: it names its kubeconfig context instead, and the cluster's keys are left out.
/// </summary>
public sealed record CommunityPlanDocument(string Stack, string Kind)
{
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Project { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ClusterDocument? Cluster { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<NodePoolDocument>? NodePools { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public PricesDocument? Prices { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QuotaDocument? Quota { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? KubernetesContext { get; init; }

    public IReadOnlyList<HubDocument> Hubs { get; init; } = [];

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public BudgetDocument? Budget { get; init; }
}

/// <summary>Which prices the costs use, where they come from, and a note when they are not in the budget's currency.</summary>
public sealed record PricesDocument(string Basis, string Source, string? Note);

/// <summary>The community's billing budget and who is told at each threshold.</summary>
public sealed record BudgetDocument(string BillingAccount, decimal Amount, string Currency, IReadOnlyList<double> Thresholds, IReadOnlyList<string> Emails);
