using ArchUnitNET.Loader;

namespace HubInfra.Core.Tests.Architecture;

/// <summary>
/// The core's folders are layers (ARCHITECTURE.md): a folder may use only folders of lower layers, never one of its
/// own layer or above, so the dependency graph has no cycle. Dependencies are read from the compiled assembly
/// (ArchUnitNET: signatures, fields, method bodies), not from <c>using</c> lines.
/// </summary>
public class CoreLayersTests
{
    /// <summary>Lowest first. A new folder must be placed here.</summary>
    public static readonly IReadOnlyDictionary<string, int> Layers = new Dictionary<string, int>
    {
        // Plain building blocks: config reading and messages, YAML trees, code that runs elsewhere, the warm-seat policy.
        ["Config"] = 0, ["Yaml"] = 0, ["Hub"] = 0, ["Scripts"] = 0, ["Scaling"] = 0,
        // Knowledge of the outside world: CRD schemas, GKE's calendar rules and regions, machine types and prices.
        ["Crd"] = 1, ["Schedule"] = 1, ["Capacity"] = 1,
        // The typed model of a stack.
        ["Model"] = 2,
        // Kubernetes and chart objects we rely on, by version.
        ["Kubernetes"] = 3,
        // Binding config into the model (and an event resolved against its community); z2jh values from the model.
        ["Binding"] = 4, ["Values"] = 4,
        // Validation of the settings and of an event's resolution, before any plan.
        ["Validation"] = 5,
        // The plan: cluster, pools, hubs, events, their manifests and documents.
        ["Planning"] = 6,
        // What reads plans: the plan's numbers against the limits they must fit, and the simulator.
        ["PlanChecks"] = 7, ["Simulation"] = 7,
        // Loading a stack file end to end: bind, resolve, validate, plan once, check the plan.
        ["Stacks"] = 8,
    };

    private static readonly ArchUnitNET.Domain.Architecture Core =
        new ArchLoader().LoadAssemblies(typeof(HubInfra.Core.Planning.EventPlan).Assembly).Build();

    private static string? Folder(string? ns) =>
        ns is not null && ns.StartsWith("HubInfra.Core.", StringComparison.Ordinal) ? ns["HubInfra.Core.".Length..].Split('.')[0] : null;

    /// <summary>Folder → folder dependencies, each with a few of the type dependencies behind it.</summary>
    public static IReadOnlyDictionary<(string From, string To), List<string>> Edges()
    {
        var edges = new Dictionary<(string, string), List<string>>();
        foreach (var type in Core.Types)
        {
            var from = Folder(type.Namespace.FullName);
            if (from is null) continue;
            foreach (var d in type.Dependencies)
            {
                var to = Folder(d.Target.Namespace.FullName);
                if (to is null || to == from) continue;
                if (!edges.TryGetValue((from, to), out var list)) edges[(from, to)] = list = [];
                var what = $"{type.Name} -> {d.Target.Name}";
                if (list.Count < 5 && !list.Contains(what)) list.Add(what);
            }
        }
        return edges;
    }

    [Fact]
    public void Every_folder_of_the_core_has_a_layer()
    {
        var folders = Core.Types.Select(t => Folder(t.Namespace.FullName)).OfType<string>().Distinct().Order().ToList();
        Assert.NotEmpty(folders);
        Assert.DoesNotContain(folders, f => !Layers.ContainsKey(f));
    }

    [Fact]
    public void A_folder_uses_only_lower_layers_so_there_is_no_cycle()
    {
        var upward = Edges().Where(e => Layers.GetValueOrDefault(e.Key.From, 99) <= Layers.GetValueOrDefault(e.Key.To, 99))
            .Select(e => $"{e.Key.From} (layer {Layers.GetValueOrDefault(e.Key.From, 99)}) uses {e.Key.To} (layer {Layers.GetValueOrDefault(e.Key.To, 99)}): {string.Join("; ", e.Value)}")
            .ToList();
        Assert.True(upward.Count == 0, string.Join("\n", upward));
    }

    [Fact]
    public void The_check_sees_dependencies_in_method_bodies()
    {
        // Stacks reaches Validation only inside StackLoader's methods: an edge the test must see, or it proves nothing.
        Assert.Contains(("Stacks", "Validation"), Edges().Keys);
        Assert.Contains(("Planning", "Scaling"), Edges().Keys);
    }
}
