using System.Globalization;
using HubInfra.Core.Values;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Planning;

/// <summary>
/// Every Kubernetes object an event stack creates, built once: <c>render</c> writes <see cref="Yaml"/> and the Pulumi
/// shell applies the same text (a <c>Pulumi.Kubernetes.Yaml.V2.ConfigGroup</c>), so the two cannot drift.
/// The objects: the placeholders' PriorityClass (owned by the event, see <see cref="PlaceholderPriority"/>), the
/// placeholder Deployment, the scaler's ServiceAccount, Role, RoleBinding, ConfigMap (schedule and script) and
/// Deployment. Their only dependency on the chart is the user scheduler, listed in <see cref="ChartObjects"/>.
/// </summary>
public static class EventManifests
{
    /// <summary>
    /// The placeholders' priority: -10. At the cluster autoscaler's cutoff (GKE: -10; only pods BELOW it are
    /// expendable and trigger no scale-up), below every user server (0, <see cref="ChartObjects.UserServerPriority"/>)
    /// and below z2jh's image puller (-5), so a puller pod on a fresh node may preempt a placeholder but no placeholder
    /// ever preempts anything (<c>preemptionPolicy: Never</c>). The same value z2jh gives its own placeholders.
    /// </summary>
    public const int PlaceholderPriority = -10;

    public static IReadOnlyList<Dictionary<string, object?>> Build(EventPlan plan)
    {
        var ns = plan.Namespace;
        var labels = CommonLabels(plan);
        var scaler = ScalerName(plan);
        return
        [
            Manifest("scheduling.k8s.io/v1", "PriorityClass", plan.PlaceholderPriorityClass, null, labels, null,
                ("value", PlaceholderPriority),
                ("globalDefault", false),
                ("preemptionPolicy", "Never"),
                ("description", $"Placeholders of event {plan.Event.StackName}: below every user server, never preempting, still triggering scale-up.")),
            Manifest("apps/v1", "Deployment", plan.PlaceholderName, ns, labels, Map(
                // No replicas: the scaler owns the count, so `pulumi up` (server-side apply) never resets it.
                ("selector", Map(("matchLabels", PlaceholderSelector(plan)))),
                ("template", Map(("metadata", Map(("labels", PlaceholderSelector(plan)))), ("spec", PlaceholderPodSpec(plan)))))),
            Manifest("v1", "ServiceAccount", scaler, ns, labels, null),
            Manifest("rbac.authorization.k8s.io/v1", "Role", scaler, ns, labels, null, ("rules", ScalerRules(plan))),
            Manifest("rbac.authorization.k8s.io/v1", "RoleBinding", scaler, ns, labels, null,
                ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", scaler))),
                ("subjects", new List<object?> { Map(("kind", "ServiceAccount"), ("name", scaler), ("namespace", ns)) })),
            Manifest("v1", "ConfigMap", scaler, ns, labels, null,
                ("data", Map((PlaceholderScaler.ScheduleFile, PlaceholderScaler.Schedule(plan)), (PlaceholderScaler.ScriptFile, PlaceholderScaler.Script)))),
            Manifest("apps/v1", "Deployment", scaler, ns, labels, ScalerDeploymentSpec(plan)),
        ];
    }

    /// <summary>The manifests as one multi-document YAML: what <c>render</c> writes and what Pulumi applies.</summary>
    public static string Yaml(EventPlan plan) => string.Join("---\n", Build(plan).Select(ValuesYaml.Serialize));

    public static string ScalerName(EventPlan plan) => Naming.Label($"{plan.Event.StackName}-scaler");

    public static Dictionary<string, object?> CommonLabels(EventPlan plan) =>
        Map((Labels.ManagedBy, "hubinfra"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    public static Dictionary<string, object?> PlaceholderSelector(EventPlan plan) =>
        Map(("app.kubernetes.io/name", "hubinfra-placeholder"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    public static Dictionary<string, object?> ScalerSelector(EventPlan plan) =>
        Map(("app.kubernetes.io/name", "hubinfra-placeholder-scaler"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    /// <summary>
    /// Least privilege: read and scale this one Deployment (and, on a community hub, annotate it with the attendee
    /// baseline); list pods of the namespace to count servers (RBAC cannot narrow a list to a label).
    /// </summary>
    public static List<object?> ScalerRules(EventPlan plan)
    {
        var deploymentVerbs = PlaceholderScaler.BaselineMode(plan) == "warm-up" ? new List<object?> { "get", "patch" } : new List<object?> { "get" };
        return
        [
            Map(("apiGroups", new List<object?> { "apps" }), ("resources", new List<object?> { "deployments" }),
                ("resourceNames", new List<object?> { plan.PlaceholderName }), ("verbs", deploymentVerbs)),
            Map(("apiGroups", new List<object?> { "apps" }), ("resources", new List<object?> { "deployments/scale" }),
                ("resourceNames", new List<object?> { plan.PlaceholderName }), ("verbs", new List<object?> { "get", "patch" })),
            Map(("apiGroups", new List<object?> { "" }), ("resources", new List<object?> { "pods" }), ("verbs", new List<object?> { "list" })),
        ];
    }

    /// <summary>Requests = the profile's guarantee; user tolerations and node affinity; z2jh's user scheduler; our PriorityClass.</summary>
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
        spec["tolerations"] = UserTolerations();
        spec["affinity"] = Map(("nodeAffinity", Map(("requiredDuringSchedulingIgnoredDuringExecution", Map(("nodeSelectorTerms", new List<object?>
        {
            Map(("matchExpressions", new List<object?> { Map(("key", Labels.NodePurpose), ("operator", "In"), ("values", new List<object?> { "user" })) })),
        }))))));
        return spec;
    }

    private static List<object?> UserTolerations() =>
    [
        Map(("key", "hub.jupyter.org/dedicated"), ("operator", "Equal"), ("value", "user"), ("effect", "NoSchedule")),
        Map(("key", Labels.DedicatedTaint), ("operator", "Equal"), ("value", "user"), ("effect", "NoSchedule")),
    ];

    /// <summary>One scaler pod (Recreate: never two at once) on a core node, running the embedded script from the ConfigMap.</summary>
    private static Dictionary<string, object?> ScalerDeploymentSpec(EventPlan plan)
    {
        var env = new List<object?>
        {
            Env("NAMESPACE", plan.Namespace),
            Env("DEPLOYMENT", plan.PlaceholderName),
            Env("SCHEDULE_FILE", $"{PlaceholderScaler.MountPath}/{PlaceholderScaler.ScheduleFile}"),
            Env("INTERVAL_SECONDS", plan.TrackingIntervalSeconds.ToString(CultureInfo.InvariantCulture)),
            Env("ATTENDEE_SELECTOR", PlaceholderScaler.AttendeeSelector),
            Env("BASELINE", PlaceholderScaler.BaselineMode(plan)),
            Env("HOME", "/tmp"),
        };
        var container = Map(
            ("name", "scaler"),
            ("image", PlaceholderScaler.KubectlImage),
            ("command", new List<object?> { "/bin/sh", $"{PlaceholderScaler.MountPath}/{PlaceholderScaler.ScriptFile}" }),
            ("env", env),
            ("resources", Map(("requests", Map(("cpu", "10m"), ("memory", "32Mi"))), ("limits", Map(("memory", "128Mi"))))),
            ("securityContext", Map(("runAsNonRoot", true), ("runAsUser", 65534), ("allowPrivilegeEscalation", false))),
            ("volumeMounts", new List<object?> { Map(("name", "scaler"), ("mountPath", PlaceholderScaler.MountPath), ("readOnly", true)) }));
        var spec = Map(
            ("serviceAccountName", ScalerName(plan)),
            ("terminationGracePeriodSeconds", 5),
            ("containers", new List<object?> { container }),
            ("volumes", new List<object?> { Map(("name", "scaler"), ("configMap", Map(("name", ScalerName(plan))))) }));
        if (!plan.LocalCluster)
            spec["nodeSelector"] = Map((Labels.NodePurpose, "core"));
        return Map(
            ("replicas", 1),
            ("strategy", Map(("type", "Recreate"))),
            ("selector", Map(("matchLabels", ScalerSelector(plan)))),
            ("template", Map(
                ("metadata", Map(("labels", ScalerSelector(plan)), ("annotations", Map(("hubinfra.org/scaler-checksum", PlaceholderScaler.Checksum(plan)))))),
                ("spec", spec))));
    }

    private static Dictionary<string, object?> Env(string name, string value) => Map(("name", name), ("value", value));

    private static Dictionary<string, object?> Manifest(string apiVersion, string kind, string name, string? ns, Dictionary<string, object?> labels,
        Dictionary<string, object?>? spec, params (string Key, object? Value)[] extra)
    {
        var metadata = Map(("name", name));
        if (ns is not null) metadata["namespace"] = ns;
        metadata["labels"] = labels;
        // The placeholder Deployment has no replica count of its own (created with 1 until the scaler's first look);
        // Pulumi must not wait for its pods, which may wait minutes for a node.
        if (kind == "Deployment" && spec is not null && !spec.ContainsKey("replicas"))
            metadata["annotations"] = Map(("pulumi.com/skipAwait", "true"));
        var m = Map(("apiVersion", apiVersion), ("kind", kind), ("metadata", metadata));
        if (spec is not null) m["spec"] = spec;
        foreach (var (k, v) in extra) m[k] = v;
        return m;
    }
}
