using HubInfra.Core.Planning;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Kubernetes;

/// <summary>
/// What the z2jh 4.4.0 user scheduler's ClusterRole lacks for a newer kube-scheduler, granted by HubInfra beside the
/// release: one ClusterRole and its ClusterRoleBinding to the chart's user-scheduler ServiceAccount
/// (<see cref="ChartObjects.UserSchedulerServiceAccount"/>).
/// </summary>
/// <remarks>
/// The chart 4.4.0's jupyterhub/templates/scheduling/user-scheduler/rbac.yaml copies kubernetes' bootstrap ClusterRole
/// <c>system:kube-scheduler</c> of v1.30 (plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml).
/// z2jh's main branch brought it to v1.35 (and 1.36) with these changes, listed in its own notes in that file: 1.31
/// "about leases and leasecandidates" (list and watch of the lock lease; leasecandidates), 1.32 "about
/// volumeattachments", 1.34 "about deviceclasses, resourceclaims, resourceclaims/status, pods/finalizers,
/// resourceslices" (dynamic resource allocation, GA in 1.34), 1.36 "about resourceclaims/binding". A scheduler whose
/// informers cannot list a resource it watches waits for the cache sync and schedules nothing (values.yaml,
/// "Typical failures"). The config the chart renders, <c>kubescheduler.config.k8s.io/v1</c>
/// (templates/scheduling/user-scheduler/configmap.yaml), is the same on main, which runs it with v1.35: v1 is the
/// config API of every kube-scheduler since 1.25.
/// </remarks>
public static class UserSchedulerRbac
{
    /// <summary>The extra rules a kube-scheduler of <paramref name="minor"/> needs beyond the chart 4.4.0's ClusterRole.</summary>
    public static List<object?> ExtraRules(int minor)
    {
        var rules = new List<object?>();
        if (minor >= 31)
        {
            rules.Add(Rule("coordination.k8s.io", ["leases"], ["get", "list", "watch"], [ChartObjects.UserSchedulerLock]));
            rules.Add(Rule("coordination.k8s.io", ["leasecandidates"], ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"]));
        }
        if (minor >= 32)
            rules.Add(Rule("storage.k8s.io", ["volumeattachments"], ["get", "list", "watch"]));
        if (minor >= 34)
        {
            rules.Add(Rule("resource.k8s.io", ["deviceclasses", "resourceslices"], ["get", "list", "watch"]));
            rules.Add(Rule("resource.k8s.io", ["resourceclaims", "resourceclaims/status"], ["get", "list", "patch", "update", "watch"]));
            rules.Add(Rule("", ["pods/finalizers"], ["update"]));
        }
        if (minor >= 36)
            rules.Add(Rule("resource.k8s.io", ["resourceclaims/binding"], ["patch", "update"]));
        return rules;
    }

    /// <summary>The ClusterRole's name: the chart's own name for the user scheduler's, with a suffix of ours.</summary>
    public static string RoleName(string release) => Naming.Label($"{ChartObjects.UserSchedulerClusterRole.NameFor(release)}-hubinfra");

    /// <summary>The ClusterRole and ClusterRoleBinding for a release in <paramref name="ns"/>; none when nothing is missing.</summary>
    public static IReadOnlyList<Dictionary<string, object?>> Manifests(string release, string ns, int minor)
    {
        var rules = ExtraRules(minor);
        if (rules.Count == 0) return [];
        var name = RoleName(release);
        var labels = Map(("app.kubernetes.io/managed-by", "hubinfra"), ("hubinfra.org/hub-release", release));
        return
        [
            Map(("apiVersion", "rbac.authorization.k8s.io/v1"), ("kind", "ClusterRole"),
                ("metadata", Map(("name", name), ("labels", labels))), ("rules", rules)),
            Map(("apiVersion", "rbac.authorization.k8s.io/v1"), ("kind", "ClusterRoleBinding"),
                ("metadata", Map(("name", name), ("labels", labels))),
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "ClusterRole"), ("name", name))),
                ("subjects", new List<object?> { Map(("kind", "ServiceAccount"), ("name", ChartObjects.UserSchedulerServiceAccount.NameFor(release)), ("namespace", ns)) })),
        ];
    }

    private static Dictionary<string, object?> Rule(string group, string[] resources, string[] verbs, string[]? names = null)
    {
        var rule = Map(("apiGroups", new List<object?> { group }), ("resources", resources.Cast<object?>().ToList()));
        if (names is not null) rule["resourceNames"] = names.Cast<object?>().ToList();
        rule["verbs"] = verbs.Cast<object?>().ToList();
        return rule;
    }
}
