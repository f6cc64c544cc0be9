namespace HubInfra.Core.Tests.Integrity;

/// <summary>
/// Every pod HubInfra renders (the scaler's Deployment, the placeholder template) meets the Pod Security Standard
/// "restricted" in a namespace that enforces it; the checker itself catches each kind of breach.
/// </summary>
public class PodSecurityTests
{
    [Fact]
    public void Every_rendered_pod_is_restricted_in_a_namespace_that_enforces_it()
    {
        var inventory = ClusterInventory.Of(TestStacks.Examples(), "community-gpu");
        Assert.NotEmpty(inventory.Templates);
        Assert.Empty(inventory.UnresolvedReferences());
        var ns = inventory.Manifests.Select(m => m.Manifest).First(m => (string)m["kind"]! == "Namespace");
        var labels = ClusterInventory.Map(ClusterInventory.Map(ns, "metadata")!, "labels")!;
        Assert.Equal("restricted", labels["pod-security.kubernetes.io/enforce"]);
        // community-gpu is on STABLE, whose clusters run 1.34 to 1.35: the label pins the version all of them know.
        Assert.Equal("v1.34", labels["pod-security.kubernetes.io/enforce-version"]);
    }

    [Theory]
    [InlineData("placeholderRunAsNonRoot", "container pause: runAsNonRoot is not true")]
    [InlineData("placeholderSeccomp", "container pause: seccompProfile.type is Unconfined")]
    [InlineData("scalerCapabilities", "container scaler: capabilities.drop does not contain ALL")]
    [InlineData("scalerEscalation", "container scaler: allowPrivilegeEscalation is not false")]
    [InlineData("scalerRoot", "container scaler: runAsUser is 0")]
    [InlineData("scalerHostPath", "is of type hostPath")]
    [InlineData("scalerHostNetwork", "hostNetwork is true")]
    [InlineData("namespaceLabel", "does not enforce pod-security.kubernetes.io/enforce: restricted")]
    public void A_breach_of_the_restricted_standard_is_reported(string breakWhat, string expected)
    {
        // The summer school holds its seats with placeholder pods (community-gpu's default backend).
        var inventory = ClusterInventory.Of(TestStacks.Examples(), "community-gpu");
        var manifests = inventory.Manifests.Where(m => m.Source == "summer-school-2027").Select(m => m.Manifest).ToList();
        var placeholder = ClusterInventory.Map(inventory.Templates.Single(t => t.Source == "summer-school-2027").Pod, "spec")!;
        var scaler = ClusterInventory.PodSpecOf(manifests.Single(m => (string)m["kind"]! == "Deployment"))!;
        Dictionary<string, object?> Container(Dictionary<string, object?> pod) => (Dictionary<string, object?>)ClusterInventory.List(pod, "containers")[0]!;
        Dictionary<string, object?> Context(Dictionary<string, object?> pod) => ClusterInventory.Map(Container(pod), "securityContext")!;
        switch (breakWhat)
        {
            case "placeholderRunAsNonRoot":
                Context(placeholder).Remove("runAsNonRoot");
                ClusterInventory.Map(placeholder, "securityContext")!.Remove("runAsNonRoot");
                break;
            case "placeholderSeccomp": ClusterInventory.Map(Context(placeholder), "seccompProfile")!["type"] = "Unconfined"; break;
            case "scalerCapabilities": Context(scaler).Remove("capabilities"); break;
            case "scalerEscalation": Context(scaler).Remove("allowPrivilegeEscalation"); break;
            case "scalerRoot": Context(scaler)["runAsUser"] = 0L; break;
            case "scalerHostPath": ClusterInventory.List(scaler, "volumes").Add(new Dictionary<string, object?> { ["name"] = "host", ["hostPath"] = new Dictionary<string, object?> { ["path"] = "/" } }); break;
            case "scalerHostNetwork": scaler["hostNetwork"] = true; break;
            case "namespaceLabel":
                var ns = manifests.Single(m => (string)m["kind"]! == "Namespace");
                ClusterInventory.Map(ClusterInventory.Map(ns, "metadata")!, "labels")!.Remove("pod-security.kubernetes.io/enforce");
                break;
        }
        Assert.Contains(inventory.UnresolvedReferences(), p => p.Contains(expected, StringComparison.Ordinal));
    }
}
