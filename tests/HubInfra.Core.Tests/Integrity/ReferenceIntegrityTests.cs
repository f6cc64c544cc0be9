using HubInfra.Core.Model;

namespace HubInfra.Core.Tests.Integrity;

/// <summary>
/// Every by-name reference in what a stack creates resolves to an object that exists: for every community stack in
/// <c>stacks/</c> with all of its event stacks, automatically (a new stack file is covered without a new test).
/// </summary>
public class ReferenceIntegrityTests
{
    private static IEnumerable<string> CommunityNames()
    {
        var set = TestStacks.Examples();
        return set.StackNames.Where(n => set.Load(n).Kind != StackKind.Event);
    }

    public static TheoryData<string> CommunityStacks() => new(CommunityNames());

    [Theory]
    [MemberData(nameof(CommunityStacks))]
    public void Every_reference_in_a_cluster_resolves(string community)
    {
        var inventory = ClusterInventory.Of(TestStacks.Examples(), community);
        var unresolved = inventory.UnresolvedReferences();
        Assert.True(unresolved.Count == 0, $"{unresolved.Count} unresolved reference(s) in cluster {community}:\n" + string.Join("\n", unresolved));
    }

    [Fact]
    public void Every_event_stack_is_checked_on_some_cluster()
    {
        var set = TestStacks.Examples();
        var events = set.StackNames.Where(n => set.Load(n).Kind == StackKind.Event).ToList();
        Assert.NotEmpty(events);
        var covered = CommunityNames().SelectMany(c => ClusterInventory.Of(set, c).Manifests.Select(m => m.Source)).ToHashSet();
        Assert.All(events, e => Assert.Contains(e, covered));
    }

    /// <summary>The checker itself catches each kind of dangling reference (a checker that passes everything proves nothing).</summary>
    [Theory]
    [InlineData("priorityClass", "names a PriorityClass that is created by nobody")]
    [InlineData("scheduler", "names a scheduler that is not running")]
    [InlineData("pool", "no node pool of cluster community-gpu can run it")]
    [InlineData("tolerations", "no node pool of cluster community-gpu can run it")]
    [InlineData("configMap", "names ConfigMap")]
    [InlineData("serviceAccount", "does not exist in summer-school-2027-capacity")]
    [InlineData("roleRef", "roleRef Role")]
    [InlineData("templateNamespace", "placeholder.yaml: namespace nope is created by nobody")]
    [InlineData("hubNamespace", "env HUB_NAMESPACE names namespace nope, which nobody creates")]
    public void A_dangling_reference_is_reported(string breakWhat, string expected)
    {
        // The summer school holds its seats with placeholder pods (community-gpu's default backend).
        var inventory = ClusterInventory.Of(TestStacks.Examples(), "community-gpu");
        var manifests = inventory.Manifests.Where(m => m.Source == "summer-school-2027").Select(m => m.Manifest).ToList();
        Dictionary<string, object?> Named(string kind, string name) =>
            manifests.Single(m => (string)m["kind"]! == kind && (string)ClusterInventory.Map(m, "metadata")!["name"]! == name);
        var template = inventory.Templates.Single(t => t.Source == "summer-school-2027").Pod;
        var placeholder = ClusterInventory.Map(template, "spec")!;
        var scaler = ClusterInventory.PodSpecOf(Named("Deployment", "summer-school-2027-scaler"))!;
        switch (breakWhat)
        {
            case "priorityClass": placeholder["priorityClassName"] = "courses-user-placeholder-priority"; break; // the old, chart-conditional name
            case "scheduler": placeholder["schedulerName"] = "user-scheduler"; break;
            case "pool": ClusterInventory.Map(placeholder, "nodeSelector")!["hubinfra.org/node-pool"] = "nope"; break;
            case "tolerations": placeholder.Remove("tolerations"); break;
            case "configMap": ClusterInventory.Map((Dictionary<string, object?>)ClusterInventory.List(scaler, "volumes")[0]!, "configMap")!["name"] = "nope"; break;
            case "serviceAccount": scaler["serviceAccountName"] = "nope"; break;
            case "roleRef": ClusterInventory.Map(manifests.First(m => (string)m["kind"]! == "RoleBinding"), "roleRef")!["name"] = "nope"; break;
            case "templateNamespace": ClusterInventory.Map(template, "metadata")!["namespace"] = "nope"; break;
            case "hubNamespace":
                var env = ClusterInventory.List((Dictionary<string, object?>)ClusterInventory.List(scaler, "containers")[0]!, "env").Cast<Dictionary<string, object?>>();
                env.Single(e => (string)e["name"]! == "HUB_NAMESPACE")["value"] = "nope";
                break;
        }
        Assert.Contains(inventory.UnresolvedReferences(), p => p.Contains(expected, StringComparison.Ordinal));
    }

    /// <summary>The hackathon holds its seats with a CapacityBuffer (community-small's backend): its PodTemplate is checked like a pod.</summary>
    [Theory]
    [InlineData("bufferTemplate", "podTemplateRef names PodTemplate hackathon-2027-capacity/nope, which nobody creates")]
    [InlineData("seatPriority", "names a PriorityClass that is created by nobody")]
    [InlineData("seatPool", "no node pool of cluster community-small can run it")]
    public void A_dangling_reference_of_a_capacity_buffer_is_reported(string breakWhat, string expected)
    {
        var inventory = ClusterInventory.Of(TestStacks.Examples(), "community-small");
        Assert.Empty(inventory.UnresolvedReferences());
        var manifests = inventory.Manifests.Where(m => m.Source == "hackathon-2027").Select(m => m.Manifest).ToList();
        var buffer = manifests.Single(m => (string)m["kind"]! == "CapacityBuffer");
        var seat = ClusterInventory.PodSpecOf(manifests.Single(m => (string)m["kind"]! == "PodTemplate"))!;
        switch (breakWhat)
        {
            case "bufferTemplate": ClusterInventory.Map(ClusterInventory.Map(buffer, "spec")!, "podTemplateRef")!["name"] = "nope"; break;
            case "seatPriority": seat["priorityClassName"] = "main-user-placeholder-priority"; break;
            case "seatPool": ClusterInventory.Map(seat, "nodeSelector")!["hubinfra.org/node-pool"] = "gpu"; break;
        }
        Assert.Contains(inventory.UnresolvedReferences(), p => p.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void A_chart_object_counts_only_when_the_rendered_values_meet_its_condition()
    {
        var values = new Dictionary<string, object?>
        {
            ["scheduling"] = new Dictionary<string, object?> { ["userScheduler"] = new Dictionary<string, object?> { ["enabled"] = false } },
        };
        Assert.DoesNotContain(HubInfra.Core.Planning.ChartObjects.CreatedFor("main", values), o => o.Name == "main-user-scheduler");
        values["scheduling"] = new Dictionary<string, object?> { ["userScheduler"] = new Dictionary<string, object?> { ["enabled"] = true } };
        Assert.Contains(HubInfra.Core.Planning.ChartObjects.CreatedFor("main", values), o => o.Name == "main-user-scheduler");
        Assert.Contains(HubInfra.Core.Planning.ChartObjects.CreatedFor("main", values), o => o.Object == HubInfra.Core.Planning.ChartObjects.UserSchedulerClusterRole);
        values["rbac"] = new Dictionary<string, object?> { ["create"] = false }; // no ClusterRoleBinding: it cannot bind pods in our namespaces
        Assert.DoesNotContain(HubInfra.Core.Planning.ChartObjects.CreatedFor("main", values), o => o.Object == HubInfra.Core.Planning.ChartObjects.UserSchedulerClusterRole);
        values.Remove("rbac");
        values["fullnameOverride"] = "jh"; // then the chart names it jh-user-scheduler: our name would dangle
        Assert.DoesNotContain(HubInfra.Core.Planning.ChartObjects.CreatedFor("main", values), o => o.Name == "main-user-scheduler");
    }
}
