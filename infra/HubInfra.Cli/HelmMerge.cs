using System.Text.Json.Nodes;

namespace HubInfra.Cli;

/// <summary>Helm's coalescing of user values over chart defaults: maps merge key by key; lists and scalars replace; null deletes.</summary>
public static class HelmMerge
{
    public static JsonNode? Merge(JsonNode? defaults, JsonNode? overrides)
    {
        if (defaults is not JsonObject d || overrides is not JsonObject o)
            return overrides?.DeepClone();
        foreach (var (key, value) in o)
        {
            if (value is null)
                d.Remove(key);
            else if (d.TryGetPropertyValue(key, out var existing) && existing is JsonObject && value is JsonObject)
                d[key] = Merge(existing.DeepClone(), value);
            else
                d[key] = value.DeepClone();
        }
        return d;
    }
}
