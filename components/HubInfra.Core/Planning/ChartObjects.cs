namespace HubInfra.Core.Planning;

/// <summary>
/// One object the z2jh chart creates that something of ours relies on: its kind, its name, the chart's own condition
/// for creating it (over the release's values), and the template it was read from.
/// </summary>
/// <param name="Kind">The Kubernetes kind, or what the name denotes (a scheduler's registered name is not an object).</param>
/// <param name="NamePattern">The name as the chart derives it, for readers.</param>
/// <param name="Condition">The chart's condition, as written in the template.</param>
/// <param name="TemplatePath">Path in jupyterhub/zero-to-jupyterhub-k8s at tag <see cref="ChartObjects.ChartVersion"/>.</param>
/// <param name="NameFor">The name for a release (valid while <c>fullnameOverride</c> is "", see <see cref="ChartObjects"/>).</param>
/// <param name="CreatedBy">Whether the chart creates it for these (rendered) values.</param>
public sealed record ChartObject(
    string Kind,
    string NamePattern,
    string Condition,
    string TemplatePath,
    Func<string, string> NameFor,
    Func<IReadOnlyDictionary<string, object?>, bool> CreatedBy);

/// <summary>
/// The ONE list of chart-created objects that HubInfra's own objects may depend on. Anything else an event needs,
/// HubInfra creates itself (its placeholders' PriorityClass, ServiceAccount, Role, ConfigMap). The reference-integrity
/// test resolves every by-name reference either to an object HubInfra creates or to an entry here whose condition
/// the rendered values satisfy.
/// </summary>
/// <remarks>
/// Read at tag 4.4.0 of jupyterhub/zero-to-jupyterhub-k8s. Names: <c>jupyterhub/templates/_helpers-names.tpl</c>
/// derives every name from <c>jupyterhub.fullname</c>, which is <c>fullnameOverride</c> when that is a string; the
/// chart's values.yaml sets <c>fullnameOverride: ""</c> and our values never set it, so the fullname is empty and
/// the cluster-scoped and scheduler names fall back to <c>{{ .Release.Name }}-…</c> (helpers
/// <c>jupyterhub.user-scheduler.fullname</c> and <c>jupyterhub.priority.fullname</c>). Each condition below is
/// therefore ANDed with "fullnameOverride is empty".
/// </remarks>
public static class ChartObjects
{
    public const string ChartVersion = "4.4.0";

    /// <summary>
    /// The user scheduler's registered name: the Deployment of
    /// <c>jupyterhub/templates/scheduling/user-scheduler/deployment.yaml</c> exists only
    /// <c>{{- if .Values.scheduling.userScheduler.enabled -}}</c>, and its configmap.yaml (same condition) registers
    /// the profile under <c>jupyterhub.user-scheduler.fullname</c> = <c>&lt;release&gt;-user-scheduler</c>.
    /// The hub sets <c>c.KubeSpawner.scheduler_name</c> to the same name (files/hub/jupyterhub_config.py).
    /// Used by: the event's placeholder pods (<c>schedulerName</c>), so they pack like user pods.
    /// </summary>
    public static readonly ChartObject UserScheduler = new(
        "scheduler (Deployment + KubeSchedulerConfiguration profile)",
        "<release>-user-scheduler",
        "scheduling.userScheduler.enabled",
        "jupyterhub/templates/scheduling/user-scheduler/deployment.yaml",
        release => $"{release}-user-scheduler",
        values => IsTrue(values, true, "scheduling", "userScheduler", "enabled") && FullnameIsEmpty(values));

    /// <summary>
    /// The user scheduler's reach: <c>jupyterhub/templates/scheduling/user-scheduler/rbac.yaml</c>, under
    /// <c>{{- if .Values.scheduling.userScheduler.enabled -}}</c> and <c>{{- if .Values.rbac.create -}}</c> (values.yaml
    /// default <c>rbac.create: true</c>; our values never change it), creates a ClusterRole
    /// <c>jupyterhub.user-scheduler.fullname</c> = <c>&lt;release&gt;-user-scheduler</c> (a copy of
    /// <c>system:kube-scheduler</c>: pods get/list/watch/delete, bindings and pods/binding create, pods/status patch)
    /// and a ClusterRoleBinding of the same name to the scheduler's ServiceAccount. Cluster-wide, and the scheduler's
    /// KubeSchedulerConfiguration (configmap.yaml) names no namespace: the user scheduler schedules every pod that names
    /// it, in ANY namespace. Used by: the event's placeholder pods, which live in the event's own namespace
    /// (<see cref="EventPlan.CapacityNamespace"/>), not the hub's.
    /// </summary>
    public static readonly ChartObject UserSchedulerClusterRole = new(
        "ClusterRole + ClusterRoleBinding (the user scheduler schedules pods in every namespace)",
        "<release>-user-scheduler",
        "scheduling.userScheduler.enabled and rbac.create",
        "jupyterhub/templates/scheduling/user-scheduler/rbac.yaml",
        release => $"{release}-user-scheduler",
        values => IsTrue(values, true, "scheduling", "userScheduler", "enabled") && IsTrue(values, true, "rbac", "create") && FullnameIsEmpty(values));

    /// <summary>
    /// The user scheduler's ServiceAccount: <c>jupyterhub/templates/scheduling/user-scheduler/rbac.yaml</c> binds the
    /// ClusterRole to <c>jupyterhub.user-scheduler-serviceaccount.fullname</c>, created by serviceaccount.yaml under
    /// <c>scheduling.userScheduler.enabled</c> and <c>scheduling.userScheduler.serviceAccount.create</c> (values.yaml
    /// default true, name empty; our values never change them). With an empty fullname the helper
    /// (<c>_helpers-names.tpl</c>) gives <c>jupyterhub.user-scheduler-deploy.fullname</c> = <c>user-scheduler</c>
    /// (<c>jupyterhub.fullname.dash</c> is empty), in the release's namespace. Used by: HubInfra's extra ClusterRoleBinding
    /// for a newer kube-scheduler (<see cref="Kubernetes.UserSchedulerRbac"/>).
    /// </summary>
    public static readonly ChartObject UserSchedulerServiceAccount = new(
        "ServiceAccount (in the release's namespace)",
        "user-scheduler",
        "scheduling.userScheduler.enabled and scheduling.userScheduler.serviceAccount.create",
        "jupyterhub/templates/scheduling/user-scheduler/serviceaccount.yaml",
        _ => "user-scheduler",
        values => IsTrue(values, true, "scheduling", "userScheduler", "enabled") && IsTrue(values, true, "scheduling", "userScheduler", "serviceAccount", "create") && FullnameIsEmpty(values));

    /// <summary>
    /// The user scheduler's leader-election lease: configmap.yaml sets <c>leaderElection.resourceName</c> to
    /// <c>jupyterhub.user-scheduler-lock.fullname</c> = <c>user-scheduler-lock</c> (fullname empty).
    /// </summary>
    public const string UserSchedulerLock = "user-scheduler-lock";

    /// <summary>
    /// The user scheduler's image: deployment.yaml at 4.4.0 runs
    /// <c>{{ .Values.scheduling.userScheduler.image.name }}:{{ .Values.scheduling.userScheduler.image.tag }}</c>
    /// (values.yaml default <c>registry.k8s.io/kube-scheduler:v1.30.14</c>). HubInfra sets both to the kube-scheduler of
    /// the cluster's release channel (<see cref="Kubernetes.UserSchedulerImage"/>, which cites the channel table and the
    /// skew policy), and grants what that version reads beyond the chart's ClusterRole (<see cref="Kubernetes.UserSchedulerRbac"/>).
    /// </summary>
    public static readonly string[] UserSchedulerImagePath = ["scheduling", "userScheduler", "image"];

    /// <summary>
    /// The user servers' PriorityClass: <c>jupyterhub/templates/scheduling/priorityclass.yaml</c>,
    /// <c>{{- if .Values.scheduling.podPriority.enabled }}</c>, value <c>scheduling.podPriority.defaultPriority</c>
    /// (chart default 0; our values never change it), named <c>jupyterhub.priority.fullname</c> =
    /// <c>&lt;release&gt;-default-priority</c>. The hub gives it to every user pod (<c>c.KubeSpawner.priority_class_name</c>).
    /// Without it user pods have priority 0 too (no global default). Used by: nothing of ours by name; it is listed
    /// because the placeholders' priority must stay below it (<see cref="UserServerPriority"/>).
    /// </summary>
    public static readonly ChartObject DefaultPriority = new(
        "PriorityClass",
        "<release>-default-priority",
        "scheduling.podPriority.enabled",
        "jupyterhub/templates/scheduling/priorityclass.yaml",
        release => $"{release}-default-priority",
        values => IsTrue(values, false, "scheduling", "podPriority", "enabled") && FullnameIsEmpty(values));

    /// <summary>
    /// The proxy's public Service: <c>jupyterhub/templates/proxy/service.yaml</c> creates it unconditionally, named
    /// <c>jupyterhub.proxy-public.fullname</c> = <c>jupyterhub.proxy.fullname</c> + <c>-public</c> = <c>proxy-public</c>
    /// (the fullname is empty), in the release's namespace, of type <c>proxy.service.type</c>. Its <c>spec</c> has no
    /// <c>externalTrafficPolicy</c> and the chart's values offer none (values.schema.yaml <c>proxy.service</c>:
    /// <c>additionalProperties: false</c>). Used by: <see cref="ProxyServicePatch"/>, which sets that one field.
    /// </summary>
    public static readonly ChartObject ProxyPublic = new(
        "Service (in the hub's namespace)",
        "proxy-public",
        "always",
        "jupyterhub/templates/proxy/service.yaml",
        _ => "proxy-public",
        FullnameIsEmpty);

    /// <summary>
    /// The priority every user server gets: 0 (the chart's <c>scheduling.podPriority.defaultPriority</c> default, or
    /// no PriorityClass at all). The image puller's pods get -5 (<c>imagePullerPriority</c>, values.yaml).
    /// </summary>
    public const int UserServerPriority = 0;

    /// <summary>The image puller's priority (values.yaml <c>scheduling.podPriority.imagePullerPriority</c>).</summary>
    public const int ImagePullerPriority = -5;

    public static IReadOnlyList<ChartObject> All { get; } = [UserScheduler, UserSchedulerClusterRole, UserSchedulerServiceAccount, DefaultPriority, ProxyPublic];

    /// <summary>The names the chart creates for one release with these values, per kind.</summary>
    public static IEnumerable<(ChartObject Object, string Name)> CreatedFor(string release, IReadOnlyDictionary<string, object?> values) =>
        All.Where(o => o.CreatedBy(values)).Select(o => (o, o.NameFor(release)));

    private static bool FullnameIsEmpty(IReadOnlyDictionary<string, object?> values) =>
        !values.TryGetValue("fullnameOverride", out var v) || v is "";

    /// <summary>The boolean at <paramref name="path"/>, or the chart's default (values.yaml) when the values leave it out.</summary>
    private static bool IsTrue(IReadOnlyDictionary<string, object?> values, bool chartDefault, params string[] path)
    {
        object? node = values;
        foreach (var key in path)
        {
            if (node is not IReadOnlyDictionary<string, object?> map || !map.TryGetValue(key, out node))
                return chartDefault;
        }
        return node is bool b ? b : chartDefault;
    }
}
