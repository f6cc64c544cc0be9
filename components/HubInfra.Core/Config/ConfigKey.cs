namespace HubInfra.Core.Config;

/// <summary>The project's config namespace and its top-level keys, as declared in Pulumi.yaml.</summary>
public static class ConfigKey
{
    public const string Namespace = "hubinfra";

    public const string Kind = "kind";
    public const string Project = "project";
    public const string Region = "region";
    public const string Cluster = "cluster";
    public const string NodePools = "nodePools";
    public const string Hubs = "hubs";
    public const string Budget = "budget";
    public const string Capacity = "capacity";
    public const string Event = "event";
    public const string Local = "local";

    public static readonly IReadOnlyList<string> All =
        [Kind, Project, Region, Cluster, NodePools, Hubs, Budget, Capacity, Event, Local];

    public static string Full(string key) => $"{Namespace}:{key}";
}
