using System.Globalization;
using HubInfra.Core.Values;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Planning;

/// <summary>
/// The Kubernetes objects an event stack creates, as manifests (for <c>render</c>; the Pulumi shell creates the
/// same objects from the same plan): placeholder Deployment, the scheduling ServiceAccount, Role and RoleBinding,
/// and the CronJobs.
/// </summary>
public static class EventManifests
{
    public static IReadOnlyList<Dictionary<string, object?>> Build(EventPlan plan)
    {
        var ns = plan.Namespace;
        var labels = CommonLabels(plan);
        var list = new List<Dictionary<string, object?>>
        {
            Manifest("apps/v1", "Deployment", plan.PlaceholderName, ns, labels, Map(
                ("replicas", 0),
                ("selector", Map(("matchLabels", PlaceholderSelector(plan)))),
                ("template", Map(("metadata", Map(("labels", PlaceholderSelector(plan)))), ("spec", PlaceholderPodSpec(plan)))))),
            Manifest("v1", "ServiceAccount", ScalerName(plan), ns, labels, null),
            Manifest("rbac.authorization.k8s.io/v1", "Role", ScalerName(plan), ns, labels, null, ("rules", ScalerRules(plan))),
            Manifest("rbac.authorization.k8s.io/v1", "RoleBinding", ScalerName(plan), ns, labels, null,
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", ScalerName(plan)))),
                ("subjects", new List<object?> { Map(("kind", "ServiceAccount"), ("name", ScalerName(plan)), ("namespace", ns)) })),
        };
        foreach (var job in PlaceholderSchedule.Jobs(plan))
            list.Add(Manifest("batch/v1", "CronJob", job.Name, ns, labels, CronJobSpec(plan, job)));
        return list;
    }

    public static string ScalerName(EventPlan plan) => Naming.Label($"{plan.Event.StackName}-scaler");

    public static Dictionary<string, object?> CommonLabels(EventPlan plan) =>
        Map((Labels.ManagedBy, "hubinfra"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    public static Dictionary<string, object?> PlaceholderSelector(EventPlan plan) =>
        Map(("app.kubernetes.io/name", "hubinfra-placeholder"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    /// <summary>Only get/patch on the scale of this one Deployment, plus listing pods to count running user servers.</summary>
    public static List<object?> ScalerRules(EventPlan plan) =>
    [
        Map(("apiGroups", new List<object?> { "apps" }), ("resources", new List<object?> { "deployments/scale" }),
            ("resourceNames", new List<object?> { plan.PlaceholderName }), ("verbs", new List<object?> { "get", "patch" })),
        Map(("apiGroups", new List<object?> { "" }), ("resources", new List<object?> { "pods" }), ("verbs", new List<object?> { "list" })),
    ];

    /// <summary>Requests = the profile's guarantee; user tolerations and node affinity; z2jh's user scheduler; a priority below users.</summary>
    public static Dictionary<string, object?> PlaceholderPodSpec(EventPlan plan)
    {
        var resources = Map(
            ("cpu", Number(plan.Profile.CpuGuarantee)),
            ("memory", plan.Profile.MemoryGuarantee.ToQuantity()));
        if (plan.Profile.GpusPerUser > 0)
            resources["nvidia.com/gpu"] = plan.Profile.GpusPerUser.ToString(CultureInfo.InvariantCulture);
        var selector = Map((Labels.NodePool, plan.Pool.Pool));
        if (plan.Pool.Dedicated is not null)
            selector[Labels.Event] = Naming.Label(plan.Event.StackName);
        var container = Map(("name", "pause"), ("image", plan.Event.PlaceholderImage), ("resources", Map(("requests", resources), ("limits", resources))));
        var spec = Map(
            ("priorityClassName", plan.PlaceholderPriorityClass),
            ("terminationGracePeriodSeconds", 0),
            ("automountServiceAccountToken", false),
            ("containers", new List<object?> { container }));
        if (plan.LocalCluster)
            return spec;
        spec["schedulerName"] = plan.SchedulerName;
        spec["nodeSelector"] = selector;
        spec["tolerations"] = new List<object?>
        {
            Map(("key", "hub.jupyter.org/dedicated"), ("operator", "Equal"), ("value", "user"), ("effect", "NoSchedule")),
            Map(("key", Labels.DedicatedTaint), ("operator", "Equal"), ("value", "user"), ("effect", "NoSchedule")),
        };
        spec["affinity"] = Map(("nodeAffinity", Map(("requiredDuringSchedulingIgnoredDuringExecution", Map(("nodeSelectorTerms", new List<object?>
        {
            Map(("matchExpressions", new List<object?> { Map(("key", Labels.NodePurpose), ("operator", "In"), ("values", new List<object?> { "user" })) })),
        }))))));
        return spec;
    }

    private static Dictionary<string, object?> CronJobSpec(EventPlan plan, ScheduledJob job) => Map(
        ("schedule", job.Schedule),
        ("timeZone", job.TimeZone),
        ("concurrencyPolicy", "Forbid"),
        ("startingDeadlineSeconds", job.StartingDeadlineSeconds),
        ("successfulJobsHistoryLimit", 1),
        ("failedJobsHistoryLimit", 3),
        ("jobTemplate", Map(("spec", Map(
            ("backoffLimit", 2),
            ("activeDeadlineSeconds", 600),
            ("template", Map(("spec", Map(
                ("serviceAccountName", ScalerName(plan)),
                ("restartPolicy", "OnFailure"),
                ("containers", new List<object?>
                {
                    Map(("name", "scale"), ("image", PlaceholderSchedule.KubectlImage), ("command", new List<object?> { "/bin/sh", "-c", job.Script })),
                }))))))))));

    private static Dictionary<string, object?> Manifest(string apiVersion, string kind, string name, string ns, Dictionary<string, object?> labels,
        Dictionary<string, object?>? spec, params (string Key, object? Value)[] extra)
    {
        var m = Map(("apiVersion", apiVersion), ("kind", kind), ("metadata", Map(("name", name), ("namespace", ns), ("labels", labels))));
        if (spec is not null) m["spec"] = spec;
        foreach (var (k, v) in extra) m[k] = v;
        return m;
    }
}
