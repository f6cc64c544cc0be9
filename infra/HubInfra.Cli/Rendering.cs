using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;

namespace HubInfra.Cli;

/// <summary>What <c>render</c> writes for a stack: relative path → file text (secrets redacted).</summary>
public static class Rendering
{
    public static SortedDictionary<string, string> Files(LoadedStack loaded)
    {
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (loaded.Community is { } community && loaded.Kind != StackKind.Event)
        {
            var plan = CommunityPlan.From(community);
            files["plan.yaml"] = PlanDocument.Yaml(PlanDocument.Community(plan));
            foreach (var hub in plan.Hubs)
                files[$"hubs/{hub.Name}/values.yaml"] = ValuesYaml.Serialize(hub.Values);
        }
        else if (loaded.Event is { } ev && loaded.Community is { } target && EventPlan.From(ev, target) is { } eventPlan)
        {
            files["plan.yaml"] = PlanDocument.Yaml(PlanDocument.Event(eventPlan));
            files["event/manifests.yaml"] = EventManifests.Yaml(eventPlan);
            if (eventPlan.WorkshopHub is { } ws)
                files[$"hubs/{ws.Name}/values.yaml"] = ValuesYaml.Serialize(ws.Values);
        }
        return files;
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
