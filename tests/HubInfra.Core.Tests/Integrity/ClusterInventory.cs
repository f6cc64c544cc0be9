using System.Globalization;
using HubInfra.Cli;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Kubernetes;

namespace HubInfra.Core.Tests.Integrity;

/// <summary>A node pool as pods see it: its labels, its taints (Kubernetes spelling), whether it has GPUs.</summary>
public sealed record PoolShape(string Source, IReadOnlyDictionary<string, string> Labels, IReadOnlyList<(string Key, string Value, string Effect)> Taints, bool Gpu);

/// <summary>
/// Everything that exists in one cluster once a community stack and all its event stacks are up: the objects HubInfra
/// creates (rendered manifests, hub namespaces, node pools, including dedicated event pools) and the chart-created
/// objects of <see cref="ChartObjects"/> whose condition the rendered hub values satisfy. Then every by-name
/// reference is resolved against it.
/// </summary>
public sealed class ClusterInventory
{
    /// <summary>z2jh values.yaml (4.4.0) <c>scheduling.userPods.tolerations</c>: what every user pod tolerates.</summary>
    private static readonly (string Key, string Value, string Effect)[] UserPodTolerations =
        [("hub.jupyter.org/dedicated", "user", "NoSchedule"), ("hub.jupyter.org_dedicated", "user", "NoSchedule")];

    private readonly HashSet<(string Kind, string Namespace, string Name)> _objects = [];
    private readonly HashSet<string> _schedulers = ["default-scheduler"];
    /// <summary>A running user scheduler: the namespace of its release, and whether it may schedule pods in any namespace.</summary>
    private readonly Dictionary<string, (string Namespace, bool ClusterWide)> _userSchedulers = [];
    private readonly List<(string Source, string What, Dictionary<string, object?> Pod)> _templates = [];
    private readonly List<PoolShape> _pools = [];
    private readonly List<(string Source, Dictionary<string, object?> Manifest)> _manifests = [];
    private readonly List<(string Source, HubPlan Hub)> _hubs = [];
    private readonly List<string> _problems = [];

    public string Community { get; }

    public bool Local { get; }

    public IReadOnlyList<(string Source, Dictionary<string, object?> Manifest)> Manifests => _manifests;

    /// <summary>The pod templates the scaler creates placeholders from (parsed out of its ConfigMap), checked like any pod.</summary>
    public IReadOnlyList<(string Source, string What, Dictionary<string, object?> Pod)> Templates => _templates;

    private ClusterInventory(string community, bool local)
    {
        Community = community;
        Local = local;
        foreach (var ns in new[] { "default", "kube-system" })
            _objects.Add(("Namespace", "", ns));
    }

    /// <summary>The cluster of community stack <paramref name="community"/> with every event stack of <paramref name="set"/> that targets it.</summary>
    public static ClusterInventory Of(StackSet set, string community)
    {
        var loaded = set.Load(community);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var plan = CommunityPlan.From(loaded.Community!);
        var inventory = new ClusterInventory(community, loaded.Community!.Kind == StackKind.Local);
        foreach (var pool in plan.NodePools)
            inventory.AddPool(community, pool);
        foreach (var hub in plan.Hubs)
            inventory.AddHub(community, hub);
        foreach (var name in set.StackNames)
        {
            var ev = set.Load(name);
            if (ev.Kind != StackKind.Event || ev.Event?.CommunityStack != community) continue;
            Assert.False(ev.HasErrors, string.Join("\n", ev.Errors));
            var eventPlan = TestStacks.PlanOf(ev.Event, ev.Community!);
            if (eventPlan.Pool.Dedicated is { } dedicated)
                inventory.AddPool(name, dedicated);
            if (eventPlan.WorkshopHub is { } ws)
            {
                inventory.AddHub(name, ws);
                // EventDeployment creates WorkshopAccounts for the workshop hub: one Secret per kind of generated login.
                if (eventPlan.Hub.Auth.Accounts is not null)
                    inventory._objects.Add(("Secret", ws.Namespace, HubInfra.Core.Values.WorkshopAuthValues.AccountsSecret));
                if (eventPlan.Hub.Auth.Shared is not null)
                    inventory._objects.Add(("Secret", ws.Namespace, HubInfra.Core.Values.WorkshopAuthValues.SharedPasswordSecret));
            }
            foreach (var m in EventManifests.Build(eventPlan))
                inventory.AddManifest(name, m);
        }
        return inventory;
    }

    private void AddPool(string source, NodePoolPlan pool) =>
        _pools.Add(new PoolShape($"{source}/{pool.Name}", pool.NodeLabels,
            pool.Taints.Select(t => (t.Key, t.Value, t.Effect switch { "NO_SCHEDULE" => "NoSchedule", "NO_EXECUTE" => "NoExecute", _ => "PreferNoSchedule" })).ToList(),
            pool.Gpu is not null));

    private void AddHub(string source, HubPlan hub)
    {
        _hubs.Add((source, hub));
        _objects.Add(("Namespace", "", hub.Namespace)); // HubRelease creates it
        var created = ChartObjects.CreatedFor(hub.ReleaseName, hub.Values).ToList();
        foreach (var (o, name) in created)
        {
            if (o == ChartObjects.UserScheduler)
            {
                _schedulers.Add(name);
                _userSchedulers[name] = (hub.Namespace, created.Any(c => c.Object == ChartObjects.UserSchedulerClusterRole));
            }
            else if (o == ChartObjects.UserSchedulerClusterRole) _objects.Add(("ClusterRoleBinding", "", name));
            else if (o == ChartObjects.UserSchedulerServiceAccount) _objects.Add(("ServiceAccount", hub.Namespace, name));
            else _objects.Add((o.Kind, "", name));
        }
        // What HubInfra applies beside the release (the newer user scheduler's RBAC), checked like any manifest.
        foreach (var m in hub.Manifests)
            AddManifest(source, m);
    }

    private void AddManifest(string source, Dictionary<string, object?> m)
    {
        var kind = (string)m["kind"]!;
        var meta = Map(m, "metadata")!;
        var ns = meta.TryGetValue("namespace", out var n) ? (string?)n ?? "" : "";
        if (!_objects.Add((kind, ns, (string)meta["name"]!)))
            _problems.Add($"{source}: {kind} {ns}/{meta["name"]} is created twice in cluster {Community}");
        _manifests.Add((source, m));
        if (kind == "ConfigMap" && Map(m, "data") is { } data && data.TryGetValue(PlaceholderScaler.TemplateFile, out var text))
        {
            var pod = Tree(HubInfra.Core.Config.StackYaml.Read((string)text!, PlaceholderScaler.TemplateFile)) as Dictionary<string, object?>;
            var what = $"{source}: ConfigMap {ns}/{meta["name"]} {PlaceholderScaler.TemplateFile}";
            if (pod is null) _problems.Add($"{what}: is not a YAML mapping");
            else _templates.Add((source, what, pod));
        }
    }

    /// <summary>A parsed YAML document as the manifests' plain trees (maps, lists, scalars).</summary>
    private static object? Tree(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        System.Text.Json.Nodes.JsonObject o => o.ToDictionary(kv => kv.Key, kv => Tree(kv.Value)),
        System.Text.Json.Nodes.JsonArray a => a.Select(Tree).ToList(),
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<bool>(out var b) => b,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<long>(out var l) => l,
        System.Text.Json.Nodes.JsonValue v when v.TryGetValue<double>(out var d) => d,
        System.Text.Json.Nodes.JsonValue v => v.ToString(),
        _ => null,
    };

    /// <summary>Every by-name reference that does not resolve, as one line each.</summary>
    public IReadOnlyList<string> UnresolvedReferences()
    {
        var problems = new List<string>(_problems);
        foreach (var (source, m) in _manifests)
        {
            var kind = (string)m["kind"]!;
            var meta = Map(m, "metadata")!;
            var name = (string)meta["name"]!;
            var ns = meta.TryGetValue("namespace", out var n) ? (string?)n ?? "" : "";
            var what = $"{source}: {kind} {(ns.Length > 0 ? ns + "/" : "")}{name}";
            if (ns.Length > 0 && !_objects.Contains(("Namespace", "", ns)))
                problems.Add($"{what}: namespace {ns} is created by nobody");
            if (kind is "RoleBinding" or "ClusterRoleBinding")
            {
                var roleRef = Map(m, "roleRef")!;
                if (!_objects.Contains(((string)roleRef["kind"]!, (string)roleRef["kind"]! == "Role" ? ns : "", (string)roleRef["name"]!)))
                    problems.Add($"{what}: roleRef {roleRef["kind"]} {roleRef["name"]} does not exist");
                foreach (var s in List(m, "subjects").Cast<Dictionary<string, object?>>())
                    if ((string)s["kind"]! == "ServiceAccount" && !_objects.Contains(("ServiceAccount", (string)s["namespace"]!, (string)s["name"]!)))
                        problems.Add($"{what}: subject ServiceAccount {s["namespace"]}/{s["name"]} does not exist");
            }
            if (kind == "CapacityBuffer" && Map(Map(m, "spec")!, "podTemplateRef") is { } templateRef
                && !_objects.Contains(("PodTemplate", ns, (string)templateRef["name"]!)))
                problems.Add($"{what}: podTemplateRef names PodTemplate {ns}/{templateRef["name"]}, which nobody creates");
            if (PodSpecOf(m) is { } pod)
            {
                problems.AddRange(CheckPod(what, ns, pod));
                problems.AddRange(RestrictedNamespace(what, ns));
            }
        }
        foreach (var (source, what, template) in _templates)
        {
            var meta = Map(template, "metadata");
            var ns = meta is not null && meta.TryGetValue("namespace", out var n) ? (string?)n ?? "" : "";
            var holder = _manifests.Single(x => x.Source == source && (string)x.Manifest["kind"]! == "ConfigMap"
                && Map(x.Manifest, "data")?.ContainsKey(PlaceholderScaler.TemplateFile) == true).Manifest;
            var holderNs = (string?)Map(holder, "metadata")!.GetValueOrDefault("namespace") ?? "";
            if ((string?)template.GetValueOrDefault("kind") != "Pod")
                problems.Add($"{what}: is a {template.GetValueOrDefault("kind")}, not a Pod");
            if (ns.Length == 0 || !_objects.Contains(("Namespace", "", ns)))
                problems.Add($"{what}: namespace {ns} is created by nobody");
            if (ns != holderNs)
                problems.Add($"{what}: names namespace {ns}, but the scaler creates its pods in {holderNs}");
            if (Map(template, "spec") is { } spec)
            {
                problems.AddRange(CheckPod($"{what}: Pod", ns, spec));
                problems.AddRange(RestrictedNamespace($"{what}: Pod", ns));
            }
            else
                problems.Add($"{what}: has no pod spec");
        }
        foreach (var (source, hub) in _hubs)
            problems.AddRange(CheckHub(source, hub));
        return problems;
    }

    /// <summary>
    /// Every pod HubInfra renders runs in a namespace of its own that enforces the Pod Security Standard "restricted"
    /// (Pod Security admission labels, kubernetes.io/docs/concepts/security/pod-security-admission), and complies.
    /// </summary>
    private IEnumerable<string> RestrictedNamespace(string what, string ns)
    {
        var manifest = _manifests.Select(x => x.Manifest).FirstOrDefault(x => (string)x["kind"]! == "Namespace" && (string)Map(x, "metadata")!["name"]! == ns);
        var labels = manifest is null ? null : Map(Map(manifest, "metadata")!, "labels");
        if (labels?.GetValueOrDefault("pod-security.kubernetes.io/enforce") as string != "restricted")
            yield return $"{what}: namespace {ns} does not enforce pod-security.kubernetes.io/enforce: restricted";
        else if (labels.GetValueOrDefault("pod-security.kubernetes.io/enforce-version") is not string version || !System.Text.RegularExpressions.Regex.IsMatch(version, @"^v1\.\d+$"))
            yield return $"{what}: namespace {ns} pins no pod-security.kubernetes.io/enforce-version (v1.<minor>)";
    }

    private IEnumerable<string> CheckPod(string what, string ns, Dictionary<string, object?> pod)
    {
        foreach (var violation in PodSecurityStandard.Violations(what, pod))
            yield return violation;
        if (pod.TryGetValue("priorityClassName", out var pc) && !_objects.Contains(("PriorityClass", "", (string)pc!)))
            yield return $"{what}: priorityClassName {pc} names a PriorityClass that is created by nobody (not by HubInfra, not by the chart per ChartObjects)";
        if (pod.TryGetValue("schedulerName", out var sched) && !_schedulers.Contains((string)sched!))
            yield return $"{what}: schedulerName {sched} names a scheduler that is not running";
        else if (sched is string s && _userSchedulers.TryGetValue(s, out var us) && us.Namespace != ns && !us.ClusterWide)
            yield return $"{what}: schedulerName {s} schedules only in namespace {us.Namespace} (its cluster-wide ClusterRoleBinding is not created, see ChartObjects.UserSchedulerClusterRole)";
        if (pod.TryGetValue("serviceAccountName", out var sa) && (string)sa! != "default" && !_objects.Contains(("ServiceAccount", ns, (string)sa!)))
            yield return $"{what}: serviceAccountName {sa} does not exist in {ns}";
        foreach (var v in List(pod, "volumes").Cast<Dictionary<string, object?>>())
        {
            if (Map(v, "configMap") is { } cm && !_objects.Contains(("ConfigMap", ns, (string)cm["name"]!)))
                yield return $"{what}: volume {v["name"]} names ConfigMap {cm["name"]}, which does not exist in {ns}";
            if (Map(v, "secret") is { } sec && !_objects.Contains(("Secret", ns, (string)sec["secretName"]!)))
                yield return $"{what}: volume {v["name"]} names Secret {sec["secretName"]}, which does not exist in {ns}";
        }
        var gpu = false;
        foreach (var c in List(pod, "containers").Cast<Dictionary<string, object?>>())
        {
            foreach (var e in List(c, "env").Cast<Dictionary<string, object?>>())
            {
                if (((string)e["name"]!).EndsWith("NAMESPACE", StringComparison.Ordinal) && e.TryGetValue("value", out var nsValue)
                    && !_objects.Contains(("Namespace", "", (string)nsValue!)))
                    yield return $"{what}: env {e["name"]} names namespace {nsValue}, which nobody creates";
                if (Map(e, "valueFrom") is not { } from) continue;
                if (Map(from, "secretKeyRef") is { } sk && !_objects.Contains(("Secret", ns, (string)sk["name"]!)))
                    yield return $"{what}: env {e["name"]} reads Secret {sk["name"]}, which does not exist in {ns}";
                if (Map(from, "configMapKeyRef") is { } ck && !_objects.Contains(("ConfigMap", ns, (string)ck["name"]!)))
                    yield return $"{what}: env {e["name"]} reads ConfigMap {ck["name"]}, which does not exist in {ns}";
            }
            if (Map(c, "resources") is { } r && Map(r, "requests") is { } req && req.ContainsKey("nvidia.com/gpu")) gpu = true;
        }
        if (Local) yield break;
        var selector = Map(pod, "nodeSelector")?.ToDictionary(kv => kv.Key, kv => (string)kv.Value!) ?? [];
        var expressions = new List<Dictionary<string, object?>>();
        if (Map(pod, "affinity") is { } aff && Map(aff, "nodeAffinity") is { } na && Map(na, "requiredDuringSchedulingIgnoredDuringExecution") is { } req2)
            foreach (var term in List(req2, "nodeSelectorTerms").Cast<Dictionary<string, object?>>())
                expressions.AddRange(List(term, "matchExpressions").Cast<Dictionary<string, object?>>());
        var tolerations = List(pod, "tolerations").Cast<Dictionary<string, object?>>()
            .Select(t => ((string)t["key"]!, t.TryGetValue("value", out var tv) ? (string?)tv ?? "" : "", t.TryGetValue("effect", out var te) ? (string?)te ?? "" : "")).ToList();
        if (!_pools.Any(p => Fits(p, selector, expressions, tolerations, gpu)))
            yield return $"{what}: no node pool of cluster {Community} can run it (nodeSelector {Describe(selector)}, " +
                         $"tolerations [{string.Join(", ", tolerations.Select(t => $"{t.Item1}={t.Item2}:{t.Item3}"))}]{(gpu ? ", needs a GPU" : "")}; " +
                         $"pools: {string.Join("; ", _pools.Select(p => $"{p.Source} {Describe(p.Labels)} taints [{string.Join(", ", p.Taints.Select(t => $"{t.Key}={t.Value}:{t.Effect}"))}]"))})";
    }

    /// <summary>Each profile's <c>kubespawner_override.node_selector</c> (plus z2jh's node-purpose affinity) must match a pool whose taints user pods tolerate.</summary>
    private IEnumerable<string> CheckHub(string source, HubPlan hub)
    {
        var hubSection = Map(hub.Values, "hub")!;
        foreach (var v in List(hubSection, "extraVolumes").Cast<Dictionary<string, object?>>())
            if (Map(v, "secret") is { } sec && !_objects.Contains(("Secret", hub.Namespace, (string)sec["secretName"]!)))
                yield return $"{source}: hub {hub.Name}: hub.extraVolumes {v["name"]} names Secret {sec["secretName"]}, which nobody creates in {hub.Namespace}";
        foreach (var (name, env) in Map(hubSection, "extraEnv") ?? [])
            if (env is Dictionary<string, object?> e && Map(e, "valueFrom") is { } from && Map(from, "secretKeyRef") is { } sk
                && !_objects.Contains(("Secret", hub.Namespace, (string)sk["name"]!)))
                yield return $"{source}: hub {hub.Name}: hub.extraEnv {name} reads Secret {sk["name"]}, which nobody creates in {hub.Namespace}";
        if (Local) yield break;
        var single = Map(hub.Values, "singleuser")!;
        var requirePurpose = Map(Map(Map(hub.Values, "scheduling")!, "userPods")!, "nodeAffinity")!["matchNodePurpose"] as string == "require";
        var expressions = requirePurpose
            ? new List<Dictionary<string, object?>> { new() { ["key"] = Labels.NodePurpose, ["operator"] = "In", ["values"] = new List<object?> { "user" } } }
            : [];
        foreach (var p in List(single, "profileList").Cast<Dictionary<string, object?>>())
        {
            var over = Map(p, "kubespawner_override")!;
            var selector = Map(over, "node_selector")?.ToDictionary(kv => kv.Key, kv => (string)kv.Value!) ?? [];
            var gpu = Map(over, "extra_resource_limits")?.ContainsKey("nvidia.com/gpu") == true;
            if (!_pools.Any(pool => Fits(pool, selector, expressions, UserPodTolerations, gpu)))
                yield return $"{source}: hub {hub.Name} profile {p["slug"]}: no node pool of cluster {Community} can run its servers (nodeSelector {Describe(selector)}{(gpu ? ", needs a GPU" : "")})";
        }
    }

    private static bool Fits(PoolShape pool, Dictionary<string, string> selector, List<Dictionary<string, object?>> expressions,
        IReadOnlyCollection<(string Key, string Value, string Effect)> tolerations, bool gpu)
    {
        if (gpu && !pool.Gpu) return false;
        if (selector.Any(kv => !pool.Labels.TryGetValue(kv.Key, out var v) || v != kv.Value)) return false;
        foreach (var e in expressions)
        {
            var key = (string)e["key"]!;
            var values = List(e, "values").Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)).ToList();
            var has = pool.Labels.TryGetValue(key, out var label);
            var ok = (string)e["operator"]! switch
            {
                "In" => has && values.Contains(label),
                "NotIn" => !has || !values.Contains(label),
                "Exists" => has,
                "DoesNotExist" => !has,
                _ => false,
            };
            if (!ok) return false;
        }
        return pool.Taints.Where(t => t.Effect != "PreferNoSchedule")
            .All(t => tolerations.Any(x => x.Key == t.Key && x.Value == t.Value && (x.Effect.Length == 0 || x.Effect == t.Effect)));
    }

    private static string Describe(IReadOnlyDictionary<string, string> labels) => "{" + string.Join(", ", labels.Select(kv => $"{kv.Key}={kv.Value}")) + "}";

    public static Dictionary<string, object?>? PodSpecOf(Dictionary<string, object?> m) => (string)m["kind"]! switch
    {
        "Deployment" or "StatefulSet" or "DaemonSet" or "Job" => Map(Map(Map(m, "spec")!, "template")!, "spec"),
        "CronJob" => Map(Map(Map(Map(Map(m, "spec")!, "jobTemplate")!, "spec")!, "template")!, "spec"),
        "Pod" => Map(m, "spec"),
        "PodTemplate" => Map(Map(m, "template")!, "spec"),
        _ => null,
    };

    public static Dictionary<string, object?>? Map(Dictionary<string, object?> m, string key) =>
        m.TryGetValue(key, out var v) ? v as Dictionary<string, object?> : null;

    public static List<object?> List(Dictionary<string, object?> m, string key) =>
        m.TryGetValue(key, out var v) && v is List<object?> l ? l : [];
}
