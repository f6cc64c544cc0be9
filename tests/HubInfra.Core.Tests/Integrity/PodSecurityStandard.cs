namespace HubInfra.Core.Tests.Integrity;

/// <summary>
/// The Pod Security Standard "restricted" (https://kubernetes.io/docs/concepts/security/pod-security-standards/,
/// "Restricted", which includes "Baseline"), checked on a pod spec the way Pod Security admission does: a field on
/// the pod counts for every container unless the container overrides it.
/// </summary>
public static class PodSecurityStandard
{
    public const string Doc = "https://kubernetes.io/docs/concepts/security/pod-security-standards/";

    /// <summary>Restricted: "Volume Types" — only these.</summary>
    private static readonly string[] AllowedVolumes = ["configMap", "csi", "downwardAPI", "emptyDir", "ephemeral", "persistentVolumeClaim", "projected", "secret"];

    /// <summary>Every way the pod breaks the restricted standard, one line each, prefixed with <paramref name="what"/>.</summary>
    public static IEnumerable<string> Violations(string what, Dictionary<string, object?> pod)
    {
        var podContext = ClusterInventory.Map(pod, "securityContext") ?? [];
        // Baseline: "Host Namespaces" — hostNetwork, hostPID, hostIPC must be unset or false.
        foreach (var host in new[] { "hostNetwork", "hostPID", "hostIPC" })
            if (pod.TryGetValue(host, out var h) && h is true)
                yield return $"{what}: {host} is true (baseline: host namespaces are forbidden; {Doc})";
        foreach (var v in ClusterInventory.List(pod, "volumes").Cast<Dictionary<string, object?>>())
        {
            var type = v.Keys.FirstOrDefault(k => k != "name");
            if (type is null || !AllowedVolumes.Contains(type))
                yield return $"{what}: volume {v.GetValueOrDefault("name")} is of type {type}, not one the restricted standard allows ({string.Join(", ", AllowedVolumes)}; {Doc})";
        }
        var containers = ClusterInventory.List(pod, "initContainers").Concat(ClusterInventory.List(pod, "containers")).Cast<Dictionary<string, object?>>().ToList();
        if (containers.Count == 0)
            yield return $"{what}: has no containers";
        foreach (var c in containers)
        {
            var name = $"{what}: container {c.GetValueOrDefault("name")}";
            var sc = ClusterInventory.Map(c, "securityContext") ?? [];
            object? Field(string key) => sc.TryGetValue(key, out var v) ? v : podContext.GetValueOrDefault(key);
            // Baseline: "Privileged Containers".
            if (sc.GetValueOrDefault("privileged") is true)
                yield return $"{name}: privileged (baseline forbids it; {Doc})";
            // Restricted: "Privilege Escalation" — allowPrivilegeEscalation must be false.
            if (sc.GetValueOrDefault("allowPrivilegeEscalation") is not false)
                yield return $"{name}: allowPrivilegeEscalation is not false (restricted: \"must be set to false\"; {Doc})";
            // Restricted: "Running as Non-root" — runAsNonRoot true on the container or the pod.
            if (Field("runAsNonRoot") is not true)
                yield return $"{name}: runAsNonRoot is not true on the container or the pod (restricted; {Doc})";
            // Restricted: "Running as Non-root user" — runAsUser must not be 0.
            if (Field("runAsUser") is long or int && Convert.ToInt64(Field("runAsUser"), System.Globalization.CultureInfo.InvariantCulture) == 0)
                yield return $"{name}: runAsUser is 0 (restricted forbids root; {Doc})";
            // Restricted: "Seccomp" — RuntimeDefault or Localhost on the container or the pod.
            var seccomp = (ClusterInventory.Map(sc, "seccompProfile") ?? ClusterInventory.Map(podContext, "seccompProfile"))?.GetValueOrDefault("type") as string;
            if (seccomp is not ("RuntimeDefault" or "Localhost"))
                yield return $"{name}: seccompProfile.type is {seccomp ?? "unset"}, not RuntimeDefault or Localhost (restricted; {Doc})";
            // Restricted: "Capabilities" — drop ALL; add only NET_BIND_SERVICE.
            var caps = ClusterInventory.Map(sc, "capabilities") ?? [];
            if (!(caps.GetValueOrDefault("drop") is List<object?> drop && drop.Contains("ALL")))
                yield return $"{name}: capabilities.drop does not contain ALL (restricted; {Doc})";
            if (caps.GetValueOrDefault("add") is List<object?> add && add.Any(a => (string?)a != "NET_BIND_SERVICE"))
                yield return $"{name}: capabilities.add has more than NET_BIND_SERVICE (restricted; {Doc})";
            // Baseline: "Host Ports".
            foreach (var port in ClusterInventory.List(c, "ports").Cast<Dictionary<string, object?>>())
                if (port.GetValueOrDefault("hostPort") is long or int && Convert.ToInt64(port["hostPort"], System.Globalization.CultureInfo.InvariantCulture) != 0)
                    yield return $"{name}: hostPort {port["hostPort"]} (baseline forbids host ports; {Doc})";
        }
    }
}
