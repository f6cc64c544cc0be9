namespace HubInfra.Core.Validation;

/// <summary>
/// Namespaces a hub must not take because the cluster already has them, or its system creates them. A hub's namespace
/// is created by HubInfra; since Pulumi.Kubernetes 4.29 a create is a plain create, so an existing namespace fails the
/// first <c>up</c> with AlreadyExists (and a provider set to upsert would adopt it, then delete it on destroy).
/// <list type="bullet">
/// <item>Kubernetes starts every cluster with <c>default</c>, <c>kube-system</c>, <c>kube-public</c> and
/// <c>kube-node-lease</c>, and reserves the prefix <c>kube-</c> for system namespaces (kubernetes.io, "Namespaces":
/// "Avoid creating namespaces with the prefix kube-").</item>
/// <item>GKE's own namespaces carry the prefixes <c>gke-</c> and <c>gmp-</c> (e.g. <c>gke-managed-system</c>,
/// <c>gmp-system</c>, <c>gmp-public</c> of Managed Service for Prometheus); which ones a cluster has depends on its
/// version and add-ons, so both prefixes are refused whole (the unfavourable reading).</item>
/// </list>
/// </summary>
public static class SystemNamespaces
{
    public static readonly IReadOnlyList<string> Names = ["default", "kube-system", "kube-public", "kube-node-lease"];

    public static readonly IReadOnlyList<string> Prefixes = ["kube-", "gke-", "gmp-"];

    public static bool Contains(string ns) =>
        Names.Contains(ns) || Prefixes.Any(p => ns.StartsWith(p, StringComparison.Ordinal));
}
