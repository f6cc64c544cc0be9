using System.Globalization;
using HubInfra.Core.Scaling;
using HubInfra.Core.Values;
using static HubInfra.Core.Yaml.ValueTree;
using HubInfra.Core.Yaml;
using HubInfra.Core.Model;

namespace HubInfra.Core.Planning;

/// <summary>
/// Every Kubernetes object an event stack creates, built once: <c>render</c> writes <see cref="Yaml"/> and the Pulumi
/// shell applies the same text (a <c>Pulumi.Kubernetes.Yaml.V2.ConfigGroup</c>), so the two cannot drift.
/// The objects: the placeholders' PriorityClass (owned by the event, see <see cref="PlaceholderPriority"/>); the
/// event's own namespace <see cref="EventPlan.CapacityNamespace"/> holding the scaler's ServiceAccount, Role,
/// RoleBinding, ConfigMap (schedule, script and, with placeholders, the placeholder pod template), its status ConfigMap
/// and its Deployment (with a CapacityBuffer also the seat's PodTemplate and the buffer); in the hub's namespace a Role
/// and RoleBinding that only let the scaler list pods. Placeholders are bare pods the scaler creates from the template
/// (not in the manifests: their number is the scaler's). Their only dependency on the chart is the user scheduler,
/// listed in <see cref="ChartObjects"/>.
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
        var ns = plan.CapacityNamespace;
        var labels = CommonLabels(plan);
        var scaler = ScalerName(plan);
        var data = Map(
            (PlaceholderScaler.ScheduleFile, PlaceholderScaler.Schedule(plan)),
            (PlaceholderScaler.ScriptFile, PlaceholderScaler.Script));
        if (plan.Backend == CapacityBackend.Placeholders)
            data[PlaceholderScaler.TemplateFile] = PlaceholderTemplateYaml(plan);
        var manifests = new List<Dictionary<string, object?>>
        {
            Manifest("scheduling.k8s.io/v1", "PriorityClass", plan.PlaceholderPriorityClass, null, labels, null,
                ("value", PlaceholderPriority),
                ("globalDefault", false),
                ("preemptionPolicy", "Never"),
                ("description", $"Placeholders of event {plan.Event.StackName}: below every user server, never preempting, still triggering scale-up.")),
            Manifest("v1", "Namespace", ns, null, RestrictedNamespaceLabels(plan, labels), null),
            Manifest("v1", "ServiceAccount", scaler, ns, labels, null),
            Manifest("rbac.authorization.k8s.io/v1", "Role", scaler, ns, labels, null, ("rules", ScalerRules(plan))),
            Binding(plan, scaler, ns, labels),
            Manifest("rbac.authorization.k8s.io/v1", "Role", scaler, plan.Namespace, labels, null, ("rules", HubRules())),
            Binding(plan, scaler, plan.Namespace, labels),
            Manifest("v1", "ConfigMap", scaler, ns, labels, null, ("data", data)),
        };
        // The scaler's status (last look, phase, attendees, desired and current seats): written only by the scaler (no
        // data here, so `pulumi up`'s server-side apply leaves it alone); nothing the scaler decides depends on it.
        manifests.Add(Manifest("v1", "ConfigMap", StateName(plan), ns, labels, null));
        if (plan.Backend == CapacityBackend.CapacityBuffer)
        {
            manifests.Add(Manifest("v1", "PodTemplate", SeatTemplateName(plan), ns, labels, null,
                ("template", Map(("metadata", Map(("labels", PlaceholderSelector(plan)))), ("spec", PlaceholderPodSpec(plan))))));
            manifests.Add(CapacityBufferManifest(plan, labels));
        }
        manifests.Add(Manifest("apps/v1", "Deployment", scaler, ns, labels, ScalerDeploymentSpec(plan)));
        return manifests;
    }

    /// <summary>The PodTemplate of one warm seat (capacityBuffer backend): a placeholder's pod spec.</summary>
    public static string SeatTemplateName(EventPlan plan) => Naming.Label($"{plan.Event.StackName}-seat");

    /// <summary>The event's CapacityBuffer (capacityBuffer backend).</summary>
    public static string BufferName(EventPlan plan) => Naming.Label($"{plan.Event.StackName}-seats");

    public const string BufferApiGroup = "autoscaling.x-k8s.io";

    /// <summary>
    /// The CapacityBuffer: <c>replicas</c> seats of the PodTemplate kept as free capacity by the cluster autoscaler,
    /// which simulates that many pods of the template in its memory (GKE: "placeholder Pods ... for internal cluster
    /// autoscaler use only and aren't visible in your cluster", docs reference/crds/capacitybuffer). It starts at 0;
    /// the scaler patches <c>spec.replicas</c> each look. <c>pulumi.com/patchForce</c>: a <c>pulumi up</c> in the middle of
    /// a window takes the field back from the scaler (server-side apply would otherwise refuse the conflict) and sets
    /// 0 until the scaler's next look, at most one interval later; the autoscaler removes no node in that time (it
    /// waits 10 minutes before removing an unneeded one).
    /// </summary>
    public static Dictionary<string, object?> CapacityBufferManifest(EventPlan plan, Dictionary<string, object?>? labels = null)
    {
        var m = Manifest($"{BufferApiGroup}/v1beta1", "CapacityBuffer", BufferName(plan), plan.CapacityNamespace, labels ?? CommonLabels(plan),
            Map(("provisioningStrategy", "buffer.x-k8s.io/active-capacity"),
                ("podTemplateRef", Map(("name", SeatTemplateName(plan)))),
                ("replicas", 0)));
        ((Dictionary<string, object?>)m["metadata"]!)["annotations"] = Map(("pulumi.com/patchForce", "true"));
        return m;
    }

    /// <summary>The manifests as one multi-document YAML: what <c>render</c> writes and what Pulumi applies.</summary>
    public static string Yaml(EventPlan plan) => string.Join("---\n", Build(plan).Select(ValuesYaml.Serialize));

    public static string ScalerName(EventPlan plan) => Naming.Label($"{plan.Event.StackName}-scaler");

    /// <summary>The scaler's status (its last look), written each look and never read back: a ConfigMap it may get and patch, nothing else.</summary>
    public static string StateName(EventPlan plan) => Naming.Label($"{plan.Event.StackName}-scaler-state");

    public static Dictionary<string, object?> CommonLabels(EventPlan plan) =>
        Map((Labels.ManagedBy, "hubinfra"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    public static Dictionary<string, object?> PlaceholderSelector(EventPlan plan) =>
        Map(("app.kubernetes.io/name", "hubinfra-placeholder"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    public static Dictionary<string, object?> ScalerSelector(EventPlan plan) =>
        Map(("app.kubernetes.io/name", "hubinfra-placeholder-scaler"), (Labels.Event, Naming.Label(plan.Event.StackName)));

    /// <summary>The placeholder selector as <c>kubectl -l</c> reads it.</summary>
    public static string PlaceholderSelectorText(EventPlan plan) =>
        string.Join(",", PlaceholderSelector(plan).Select(kv => $"{kv.Key}={kv.Value}"));

    /// <summary>
    /// Least privilege in the event's own namespace: with placeholders, create, list and delete pods — the namespace
    /// holds nothing but the placeholders and the scaler's own pod, so this reaches no one else's pod (RBAC cannot narrow
    /// create or list to a label; a namespace of its own is how the reach is narrowed); with a CapacityBuffer, get and
    /// patch of that one buffer (by resourceName) and nothing on pods; and get and patch of the one status ConfigMap
    /// (by resourceName).
    /// </summary>
    public static List<object?> ScalerRules(EventPlan plan)
    {
        var rules = new List<object?>();
        if (plan.Backend == CapacityBackend.Placeholders)
            rules.Add(Map(("apiGroups", new List<object?> { "" }), ("resources", new List<object?> { "pods" }), ("verbs", new List<object?> { "create", "list", "delete" })));
        else
            rules.Add(Map(("apiGroups", new List<object?> { BufferApiGroup }), ("resources", new List<object?> { "capacitybuffers" }),
                ("resourceNames", new List<object?> { BufferName(plan) }), ("verbs", new List<object?> { "get", "patch" })));
        rules.Add(Map(("apiGroups", new List<object?> { "" }), ("resources", new List<object?> { "configmaps" }),
            ("resourceNames", new List<object?> { StateName(plan) }), ("verbs", new List<object?> { "get", "patch" })));
        return rules;
    }

    /// <summary>In the hub's namespace: list pods, to count servers (RBAC cannot narrow a list to a label).</summary>
    public static List<object?> HubRules() =>
    [
        Map(("apiGroups", new List<object?> { "" }), ("resources", new List<object?> { "pods" }), ("verbs", new List<object?> { "list" })),
    ];

    private static Dictionary<string, object?> Binding(EventPlan plan, string scaler, string ns, Dictionary<string, object?> labels) =>
        Manifest("rbac.authorization.k8s.io/v1", "RoleBinding", scaler, ns, labels, null,
            ("roleRef", Map(("apiGroup", "rbac.authorization.k8s.io"), ("kind", "Role"), ("name", scaler))),
            ("subjects", new List<object?> { Map(("kind", "ServiceAccount"), ("name", scaler), ("namespace", plan.CapacityNamespace)) }));

    /// <summary>
    /// The pod the scaler creates for each warm seat (<c>kubectl create</c>, <c>generateName</c>) in the event's
    /// namespace. Bare pods: a placeholder preempted by a user server is gone, not recreated. Marked safe to evict so
    /// that the cluster autoscaler, which keeps a node with a pod no controller would recreate, can still consolidate
    /// a node that holds only placeholders (the scaler creates the seats again where there is room).
    /// </summary>
    public static Dictionary<string, object?> PlaceholderTemplate(EventPlan plan) =>
        Map(("apiVersion", "v1"), ("kind", "Pod"),
            ("metadata", Map(
                ("generateName", $"{Naming.Label(plan.PlaceholderName, 50)}-"),
                ("namespace", plan.CapacityNamespace),
                ("labels", PlaceholderSelector(plan)),
                ("annotations", Map((SafeToEvict, "true"))))),
            ("spec", PlaceholderPodSpec(plan)));

    /// <summary>
    /// The cluster autoscaler's annotation for a pod that may be evicted when a node is removed: without it a pod "not
    /// backed by a controller object" keeps its node (cluster-autoscaler FAQ, "What types of pods can prevent CA from
    /// removing a node?"; the annotation overrides that since CA 1.0.3).
    /// </summary>
    public const string SafeToEvict = "cluster-autoscaler.kubernetes.io/safe-to-evict";

    /// <summary>The template as the scaler reads it (one YAML document).</summary>
    public static string PlaceholderTemplateYaml(EventPlan plan) => ValuesYaml.Serialize(PlaceholderTemplate(plan));

    /// <summary>Requests = the profile's guarantee; user tolerations and node affinity; z2jh's user scheduler; our PriorityClass.</summary>
    public static Dictionary<string, object?> PlaceholderPodSpec(EventPlan plan)
    {
        var resources = Map(
            ("cpu", Number(plan.Profile.CpuGuarantee)),
            ("memory", plan.Profile.MemoryGuarantee.ToQuantity()));
        if (plan.Profile.GpusPerUser > 0)
            resources["nvidia.com/gpu"] = plan.Profile.GpusPerUser.ToString(CultureInfo.InvariantCulture);
        var selector = Map((Labels.NodePool, plan.Pool.Name));
        if (plan.Pool.Dedicated is not null)
            selector[Labels.Event] = Naming.Label(plan.Event.StackName);
        var container = Map(("name", "pause"), ("image", plan.Event.PlaceholderImage), ("resources", Map(("requests", resources), ("limits", resources))),
            ("securityContext", RestrictedContainerSecurity()));
        // terminationGracePeriodSeconds 0 makes every deletion of a placeholder (a preemption, the scaler's surplus, the
        // autoscaler's drain) a force-delete: the API server removes the object at once and the kubelet kills the pause
        // container afterwards (pkg/registry/core/pod/strategy.go CheckGracefulDelete takes the pod's own grace when
        // the request gives none; kubernetes/kubernetes PR 112564). Wanted here: the seat is free to the scheduler
        // immediately, and a pause container has nothing to shut down.
        var spec = Map(
            ("priorityClassName", plan.PlaceholderPriorityClass),
            ("terminationGracePeriodSeconds", 0),
            ("automountServiceAccountToken", false),
            ("securityContext", RestrictedPodSecurity()),
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
            Env("NAMESPACE", plan.CapacityNamespace),
            Env("HUB_NAMESPACE", plan.Namespace),
            Env("SCHEDULE_FILE", $"{PlaceholderScaler.MountPath}/{PlaceholderScaler.ScheduleFile}"),
            Env("ATTENDEE_SELECTOR", PlaceholderScaler.AttendeeSelector),
            Env("STATE_CONFIGMAP", StateName(plan)),
            Env("HEARTBEAT_FILE", PlaceholderScaler.HeartbeatFile),
            Env("HOME", "/tmp"),
        };
        if (plan.Backend == CapacityBackend.Placeholders)
        {
            env.Add(Env("TEMPLATE_FILE", $"{PlaceholderScaler.MountPath}/{PlaceholderScaler.TemplateFile}"));
            env.Add(Env("PLACEHOLDER_SELECTOR", PlaceholderSelectorText(plan)));
        }
        else
            env.Add(Env("BUFFER_NAME", BufferName(plan)));
        env.AddRange(plan.Scaler.Environment().Select(e => (object?)Env(e.Name, e.Value)));
        var container = Map(
            ("name", "scaler"),
            ("image", PlaceholderScaler.KubectlImageFor(plan)),
            ("command", new List<object?> { "/bin/sh", $"{PlaceholderScaler.MountPath}/{PlaceholderScaler.ScriptFile}" }),
            ("env", env),
            // Limit 512Mi, not 128Mi: kubectl's `get pods -o jsonpath` holds the whole list in memory several times over
            // (kubectl pkg/cmd/get/get.go printGeneric: every item, then the list marshalled to JSON and decoded again),
            // and on a hub of thousands of servers of several KB each that alone is tens of MB times a few. Not
            // measured here (no kubectl on this machine): an OOM-killed scaler would never finish a look.
            ("resources", Map(("requests", Map(("cpu", "10m"), ("memory", "32Mi"))), ("limits", Map(("memory", "512Mi"))))),
            ("securityContext", RestrictedContainerSecurity()),
            // Alive while looks finish: the script touches the heartbeat after every look, failed or not; a scaler stuck
            // in a call that never returns (or a loop that stopped) is restarted by the kubelet.
            ("livenessProbe", Map(
                ("exec", Map(("command", new List<object?> { "/bin/sh", "-c",
                    $"test $(( $(date +%s) - $(cat {PlaceholderScaler.HeartbeatFile} 2>/dev/null || echo 0) )) -lt {PlaceholderScaler.HeartbeatStaleSeconds}" }))),
                ("initialDelaySeconds", PlaceholderScaler.HeartbeatStaleSeconds),
                ("periodSeconds", 60),
                ("failureThreshold", 1))),
            ("volumeMounts", new List<object?>
            {
                Map(("name", "scaler"), ("mountPath", PlaceholderScaler.MountPath), ("readOnly", true)),
                Map(("name", "heartbeat"), ("mountPath", PlaceholderScaler.HeartbeatDirectory)),
            }));
        // kubectl finds the API in the pod through the ServiceAccount token mounted at
        // /var/run/secrets/kubernetes.io/serviceaccount (client-go rest.InClusterConfig): said on the pod, so that a
        // ServiceAccount or policy that turns automounting off cannot leave the scaler without credentials (the pod's
        // field wins over the ServiceAccount's, Kubernetes "Configure Service Accounts for Pods"). The placeholders,
        // which call nothing, have it off.
        var spec = Map(
            ("serviceAccountName", ScalerName(plan)),
            ("automountServiceAccountToken", true),
            ("securityContext", RestrictedPodSecurity()),
            ("terminationGracePeriodSeconds", 5),
            ("containers", new List<object?> { container }),
            ("volumes", new List<object?>
            {
                Map(("name", "scaler"), ("configMap", Map(("name", ScalerName(plan))))),
                // The heartbeat's own small volume (the liveness probe reads it), writable by the non-root scaler.
                Map(("name", "heartbeat"), ("emptyDir", Map(("medium", "Memory"), ("sizeLimit", "1Mi")))),
            }));
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

    /// <summary>
    /// The capacity namespace's labels: ours plus Pod Security admission enforcing the <c>restricted</c> standard
    /// (kubernetes.io/docs/concepts/security/pod-security-admission: <c>pod-security.kubernetes.io/enforce</c> and
    /// <c>enforce-version</c>), pinned to the lowest minor the cluster's release channel runs
    /// (<see cref="Kubernetes.GkeReleaseChannels"/>), so every cluster of the channel knows the version. Nothing but the
    /// scaler and the placeholders runs there, and both comply (<see cref="RestrictedPodSecurity"/>).
    /// </summary>
    public static Dictionary<string, object?> RestrictedNamespaceLabels(EventPlan plan, Dictionary<string, object?> labels)
    {
        var ns = new Dictionary<string, object?>(labels, StringComparer.Ordinal)
        {
            ["pod-security.kubernetes.io/enforce"] = "restricted",
            ["pod-security.kubernetes.io/enforce-version"] = $"v1.{Kubernetes.GkeReleaseChannels.For(plan.ReleaseChannel).LowestRun}",
        };
        return ns;
    }

    /// <summary>The Pod Security Standard "restricted" at pod level: non-root (nobody, 65534) and the runtime's default seccomp profile.</summary>
    public static Dictionary<string, object?> RestrictedPodSecurity() => Map(
        ("runAsNonRoot", true),
        ("runAsUser", 65534),
        ("runAsGroup", 65534),
        ("seccompProfile", Map(("type", "RuntimeDefault"))));

    /// <summary>The Pod Security Standard "restricted" for each container: no privilege escalation, every capability dropped.</summary>
    public static Dictionary<string, object?> RestrictedContainerSecurity() => Map(
        ("runAsNonRoot", true),
        ("runAsUser", 65534),
        ("allowPrivilegeEscalation", false),
        ("capabilities", Map(("drop", new List<object?> { "ALL" }))),
        ("seccompProfile", Map(("type", "RuntimeDefault"))));

    private static Dictionary<string, object?> Env(string name, string value) => Map(("name", name), ("value", value));

    private static Dictionary<string, object?> Manifest(string apiVersion, string kind, string name, string? ns, Dictionary<string, object?> labels,
        Dictionary<string, object?>? spec, params (string Key, object? Value)[] extra)
    {
        var metadata = Map(("name", name));
        if (ns is not null) metadata["namespace"] = ns;
        metadata["labels"] = labels;
        var m = Map(("apiVersion", apiVersion), ("kind", kind), ("metadata", metadata));
        if (spec is not null) m["spec"] = spec;
        foreach (var (k, v) in extra) m[k] = v;
        return m;
    }
}
