using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using HubInfra.Core.Stacks;
using HubInfra.Core.Yaml;

namespace HubInfra.Cli;

/// <summary>What <c>render</c> writes for a stack: relative path → file text (secrets redacted).</summary>
public static class Rendering
{
    /// <remarks>For a community, <c>contract.json</c> is the contract its events read (<see cref="CommunityContract"/>,
    /// exactly what the Pulumi program exports).</remarks>
    public static SortedDictionary<string, string> Files(LoadedStack loaded)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (loaded.Community is { } community && loaded.Kind != StackKind.Event)
        {
            var plan = CommunityPlan.From(community, loaded.Exclusions);
            files["plan.yaml"] = PlanDocument.Yaml(PlanDocument.Community(plan));
            files["contract.json"] = CommunityContract.From(community).ToJson() + "\n";
            foreach (var hub in plan.Hubs)
                HubFiles(hub, files);
        }
        else if (loaded.Plan is { } eventPlan)
        {
            files["plan.yaml"] = PlanDocument.Yaml(PlanDocument.Event(eventPlan));
            files["event/manifests.yaml"] = EventManifests.Yaml(eventPlan);
            if (eventPlan.WorkshopHub is { } ws)
                HubFiles(ws, files);
        }
        return files;
    }

    /// <summary>A hub's chart values, and the objects HubInfra applies beside its release (when there are any).</summary>
    private static void HubFiles(HubPlan hub, SortedDictionary<string, string> files)
    {
        files[$"hubs/{hub.Name}/values.yaml"] = ValuesYaml.Serialize(hub.Values);
        if (hub.Manifests.Count > 0)
            files[$"hubs/{hub.Name}/manifests.yaml"] = hub.ManifestsYaml;
    }

    public static void Write(SortedDictionary<string, string> files, string outDir)
    {
        foreach (var (path, text) in files)
        {
            var full = Path.Combine(outDir, path);
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            File.WriteAllText(full, text);
        }
    }
}
