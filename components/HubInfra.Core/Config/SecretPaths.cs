using System.Text.Json.Nodes;

namespace HubInfra.Core.Config;

/// <summary>
/// Where secrets live in the config, and how the Pulumi program marks them. Pulumi hands the program decrypted
/// values; the program wraps the value at each secret path as <c>{"secure": value}</c> so the core treats it as a
/// secret — unless the stack file itself holds that value in plain text, which validation then reports.
/// </summary>
public static class SecretPaths
{
    /// <summary>Paths below the <c>hubinfra</c> namespace; <c>[*]</c> matches every list element.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        "hubs[*].auth.github.clientSecret",
        "event.workshop.hub.auth.github.clientSecret",
    ];

    /// <summary>
    /// A copy of <paramref name="decrypted"/> with every secret path wrapped as secure, except where
    /// <paramref name="stackFile"/> (the same stack read from its file, if found) has a plain string there.
    /// </summary>
    public static RawConfig Mark(RawConfig decrypted, RawConfig? stackFile)
    {
        var values = decrypted.Values.ToDictionary(kv => kv.Key, kv => kv.Value?.DeepClone());
        foreach (var path in All)
        {
            var parts = Split(path);
            if (!values.TryGetValue(parts[0], out var root) || root is null) continue;
            var fileRoot = stackFile?[parts[0]];
            Walk(root, fileRoot, parts, 1, stackFile is not null);
        }
        return decrypted with { Values = values };
    }

    private static void Walk(JsonNode node, JsonNode? file, IReadOnlyList<string> parts, int index, bool haveFile)
    {
        var part = parts[index];
        var last = index == parts.Count - 1;
        if (part == "[*]")
        {
            if (node is not JsonArray array) return;
            for (var i = 0; i < array.Count; i++)
                if (array[i] is { } child)
                    Walk(child, file is JsonArray fa && i < fa.Count ? fa[i] : null, parts, index + 1, haveFile);
            return;
        }
        if (node is not JsonObject obj || !obj.TryGetPropertyValue(part, out var value) || value is null) return;
        var fileValue = file is JsonObject fo && fo.TryGetPropertyValue(part, out var fv) ? fv : null;
        if (!last)
        {
            Walk(value, fileValue, parts, index + 1, haveFile);
            return;
        }
        if (ConfigReader.IsSecure(value)) return;
        var plainInFile = haveFile && fileValue is JsonValue;
        if (!plainInFile)
            obj[part] = new JsonObject { ["secure"] = value.DeepClone() };
    }

    private static List<string> Split(string path)
    {
        var parts = new List<string>();
        foreach (var segment in path.Split('.'))
        {
            var bracket = segment.IndexOf('[');
            if (bracket < 0)
            {
                parts.Add(segment);
                continue;
            }
            parts.Add(segment[..bracket]);
            parts.Add("[*]");
        }
        return parts;
    }

    /// <summary>The config with every secure value replaced by <c>{"secure": "[secret]"}</c>, safe to export.</summary>
    public static JsonObject Redacted(RawConfig raw)
    {
        static JsonNode? Redact(JsonNode? node) => node switch
        {
            JsonObject o when ConfigReader.IsSecure(o) => new JsonObject { ["secure"] = Secret.Redacted },
            JsonObject o => new JsonObject(o.Select(kv => KeyValuePair.Create(kv.Key, Redact(kv.Value)))),
            JsonArray a => new JsonArray(a.Select(Redact).ToArray()),
            _ => node?.DeepClone(),
        };
        return new JsonObject(raw.Values.Select(kv => KeyValuePair.Create(kv.Key, Redact(kv.Value))));
    }
}
