namespace HubInfra.Core.Planning;

/// <summary>Node labels and taints: z2jh's, GKE's, and ours.</summary>
public static class Labels
{
    /// <summary>z2jh's node-purpose label: <c>core</c> or <c>user</c>.</summary>
    public const string NodePurpose = "hub.jupyter.org/node-purpose";

    /// <summary>z2jh's taint key on user nodes (value <c>user</c>, effect NoSchedule).</summary>
    public const string DedicatedTaint = "hub.jupyter.org_dedicated";

    /// <summary>
    /// Our pool label, stable across node-pool replacement (GKE's own <c>cloud.google.com/gke-nodepool</c> carries the
    /// generated pool name, which changes when a pool is replaced create-before-delete).
    /// </summary>
    public const string NodePool = "hubinfra.org/node-pool";

    /// <summary>The event a dedicated event pool belongs to.</summary>
    public const string Event = "hubinfra.org/event";

    public const string ManagedBy = "app.kubernetes.io/managed-by";
}
