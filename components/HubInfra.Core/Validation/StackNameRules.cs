using HubInfra.Core.Config;
using HubInfra.Core.Model;

namespace HubInfra.Core.Validation;

/// <summary>
/// Names made from a stack's name must be the stack's name itself, never a cut or a rewrite of it. Kubernetes and
/// GCP names are DNS labels of at most 63 characters (Kubernetes "Object Names and IDs": namespaces are RFC 1123 labels;
/// GKE cluster names at most 40, <see cref="Naming.ClusterNameMax"/>), and <see cref="Naming.Label"/> cuts and
/// lowercases what does not fit. Two stacks whose names then come out the same would share cluster-wide objects —
/// the event's namespace and PriorityClass — and destroying one would delete the other's. So a stack whose derived
/// names would be cut or rewritten is refused, before anything is created: rename the stack.
/// </summary>
public static class StackNameRules
{
    /// <summary>The longest suffix an event adds to its stack name: its PriorityClass, <c>&lt;event&gt;-placeholder-priority</c>.</summary>
    public const string LongestEventSuffix = "-placeholder-priority";

    /// <summary>The longest event stack name whose derived names are all whole: 63 − 21 = 42 characters.</summary>
    public const int EventNameMax = 63 - 21;

    /// <summary>The default cluster name of a community stack is <c>hub-&lt;stack&gt;</c>, at most 40 characters: names of at most 36.</summary>
    public const int CommunityNameMax = Naming.ClusterNameMax - 4;

    /// <summary>The names an event derives from its stack name (what, name), as <see cref="Planning.EventPlan"/> and <see cref="Planning.EventManifests"/> spell them.</summary>
    public static IReadOnlyList<(string What, string Name)> EventDerivedNames(string stack) =>
    [
        ("namespace", $"{stack}-capacity"),
        ("PriorityClass", $"{stack}{LongestEventSuffix}"),
        ("scaler Deployment, ServiceAccount and Roles", $"{stack}-scaler"),
        ("state ConfigMap", $"{stack}-scaler-state"),
        ("label hubinfra.org/event", stack),
    ];

    public static void CheckEvent(string stackName, List<Problem> problems)
    {
        var cut = EventDerivedNames(stackName).FirstOrDefault(d => Naming.Label(d.Name) != d.Name);
        if (cut.Name is null)
            return;
        var made = Naming.Label(cut.Name);
        var why = cut.Name.Length > 63
            ? $"its {cut.What} '{cut.Name}' has {cut.Name.Length} characters and would be cut to 63 ('{made}')"
            : $"its {cut.What} '{cut.Name}' is not a DNS label and would be rewritten as '{made}'";
        problems.Add(FileProblem(
            $"the event stack name '{stackName}' cannot name the event's Kubernetes objects: {why}, so another event whose name " +
            $"comes out the same would share it and destroying either would delete the other's; rename the stack to at most " +
            $"{EventNameMax} lowercase letters, digits and '-', starting with a letter (e.g. {Example(stackName, EventNameMax)})"));
    }

    /// <summary>
    /// A community stack without <c>hubinfra:cluster.name</c>: its cluster is named <c>hub-&lt;stack&gt;</c>. And each hub's
    /// static IP, <c>&lt;cluster&gt;-&lt;hub&gt;-ip</c> (a GCP address name: at most 63 characters, RFC 1035), must be whole.
    /// </summary>
    public static void CheckCommunity(CommunityStack stack, List<Problem> problems)
    {
        if (stack.Kind != StackKind.Community)
            return; // a local stack creates no cluster and no address
        foreach (var hub in stack.Hubs.Where(h => h.StaticIp))
        {
            var ip = $"{stack.Cluster.Name}-{hub.Name}-ip";
            if (Naming.Label(ip) != ip && ip.Length > 63 && Naming.IsLabel(stack.Cluster.Name) && Naming.IsLabel(hub.Name))
                problems.Add(new Problem($"{hub.Key}.name",
                    $"the hub's static IP address would be named '{ip}' ({ip.Length} characters), cut to 63 ('{Naming.Label(ip)}'), which another hub " +
                    $"whose name starts the same would share; shorten the hub name to at most {Math.Max(1, 63 - stack.Cluster.Name.Length - 4)} characters"));
        }
        var whole = $"hub-{stack.StackName}";
        if (stack.Cluster.Name != Naming.Label(whole, Naming.ClusterNameMax) || Naming.IsLabel(whole, Naming.ClusterNameMax))
            return; // named explicitly, or the default fits whole
        problems.Add(FileProblem(
            $"the community stack name '{stack.StackName}' gives the default cluster name '{whole}', which would be cut or rewritten to " +
            $"'{stack.Cluster.Name}' (GKE: at most {Naming.ClusterNameMax} characters), so another community in the project whose name comes " +
            $"out the same would share the cluster's name; rename the stack to at most {CommunityNameMax} lowercase letters, digits and '-' " +
            $"(e.g. {Example(stack.StackName, CommunityNameMax)}), or set hubinfra:cluster.name"));
    }

    /// <summary>A problem of the stack file itself (its name): printed as <c>stacks/Pulumi.&lt;stack&gt;.yaml: message</c>.</summary>
    private static Problem FileProblem(string message) => new("", message) { InFile = true };

    private static string Example(string stackName, int max) => Naming.Label(stackName, max);
}
