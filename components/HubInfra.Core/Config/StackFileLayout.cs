using System.Text.Json.Nodes;

namespace HubInfra.Core.Config;

/// <summary>
/// The layout of a stack file: a mapping whose <c>config:</c> holds <c>namespace:key</c> entries. Splits the
/// <c>hubinfra:</c> keys from other namespaces' and reports what looks like ours but is not (<c>hubInfra:hubs</c>,
/// <c>hubinfra.budget</c>, <c>hubs</c>, keys above <c>config:</c>, a top-level list), each with "did you mean".
/// </summary>
public static class StackFileLayout
{
    /// <summary>The top-level keys of a Pulumi stack file (Pulumi's ProjectStack).</summary>
    public static readonly IReadOnlyList<string> TopLevelKeys = ["config", "secretsprovider", "encryptedkey", "encryptionsalt", "environment"];

    public static RawConfig Read(string stackName, JsonNode? root)
    {
        var values = new Dictionary<string, JsonNode?>();
        var foreign = new Dictionary<string, string>();
        var problems = new List<Problem>();
        var meant = new HashSet<string>(StringComparer.Ordinal);
        RawConfig Result(bool hasConfig) =>
            new(stackName, values) { Foreign = foreign, LayoutProblems = problems, MisspelledKeys = meant, HasConfig = hasConfig };

        const string Example = "config:\n  hubinfra:kind: community\n  hubinfra:hubs: [...]";
        switch (root)
        {
            case null:
                problems.Add(new Problem("config", "is missing: the file is empty; write config: with the hubinfra: keys indented below it (see stacks/ for examples)"));
                return Result(false);
            case JsonArray:
                problems.Add(new Problem("config", "is missing: the file is a YAML list (it starts with '- '); a stack file is a mapping: remove the leading '- ' and put the hubinfra: keys under config:"));
                return Result(false);
            case JsonValue:
                problems.Add(new Problem("config", $"is missing: the file holds a single value, not a mapping; write {Example.Replace("\n", " ")}"));
                return Result(false);
        }

        var top = (JsonObject)root;
        var ours = new List<string>();
        foreach (var (key, _) in top)
        {
            if (TopLevelKeys.Contains(key)) continue;
            if (key.StartsWith(ConfigKey.Namespace, StringComparison.OrdinalIgnoreCase) || LooksLikeOurs(key, out _))
                ours.Add(key);
            else if (Nearest(key, TopLevelKeys) is { } near)
                problems.Add(new Problem(key, $"is not a key of a Pulumi stack file; did you mean '{near}'? Rename it"));
            // Pulumi ignores other top-level keys (they may hold YAML anchors for merge keys), and so do we.
        }
        if (ours.Count > 0 && !top.ContainsKey("config"))
        {
            problems.Add(new Problem("config", $"is missing: {ours[0]} and the other settings are at the top of the file; put them under config: (indented by two spaces)"));
            return Result(false);
        }
        if (ours.Count > 0)
            foreach (var key in ours)
                problems.Add(new Problem(key, "is above config:; move it under config: (indented by two spaces)"));

        if (!top.TryGetPropertyValue("config", out var configNode) || configNode is null)
        {
            problems.Add(new Problem("config", top.ContainsKey("config")
                ? "is empty; add the stack's settings under it, e.g. hubinfra:hubs"
                : "is missing; add config: with the hubinfra: keys indented below it"));
            return Result(false);
        }
        if (configNode is not JsonObject config)
        {
            problems.Add(new Problem("config", $"must be a mapping of namespace:key entries, not {(configNode is JsonArray ? "a list" : "a single value")}; " +
                "write each setting on its own line below config:, e.g. hubinfra:kind: community (no leading '- ')"));
            return Result(false);
        }

        // Detach the values from the parsed tree (no copy): each becomes a root of RawConfig.
        var entries = config.ToList();
        config.Clear();
        foreach (var (key, value) in entries)
        {
            var colon = key.IndexOf(':');
            var ns = colon < 0 ? "" : key[..colon];
            var name = colon < 0 ? key : key[(colon + 1)..];
            if (ns == ConfigKey.Namespace)
            {
                values[name] = value;
                continue;
            }
            if (problems.Count >= ConfigLimits.ProblemsReported)
            {
                // Enough said about this file's keys (a flood of them must stay quick); keep the values apart.
                if (colon >= 0) foreign[key] = "";
                continue;
            }
            if (colon < 0 && key.Equals(ConfigKey.Namespace, StringComparison.OrdinalIgnoreCase))
            {
                meant.UnionWith(ConfigKey.All.Select(ConfigKey.Full));
                problems.Add(new Problem(key, $"Pulumi config keys are written namespace:key; write each setting directly under config: as {ConfigKey.Namespace}:<key>, e.g. {ConfigKey.Namespace}:kind: community"));
                continue;
            }
            if (LooksLikeOurs(key, out var intended))
            {
                var full = ConfigKey.Full(intended);
                meant.Add(full);
                var why = colon >= 0
                    ? $"the namespace is '{ConfigKey.Namespace}', all lower case"
                    : "namespace and key are separated by ':', not '.'";
                problems.Add(new Problem(key, $"did you mean '{full}'? ({why}); rename it to {full}"));
                continue;
            }
            if (colon < 0)
            {
                // Pulumi reads a key without a namespace as the project's (Pulumi.yaml: name: hubinfra), and so do we.
                if (entries.Any(e => e.Key == ConfigKey.Full(key)))
                    problems.Add(new Problem(key, $"is also set as {ConfigKey.Full(key)} (Pulumi reads a key without a namespace as {ConfigKey.Full(key)}); remove one of them"));
                else
                    values[key] = value;
                continue;
            }
            foreign[key] = value is JsonValue v ? (v.TryGetValue<string>(out var s) ? s : v.ToJsonString()) : "";
        }
        return Result(true);
    }

    /// <summary>
    /// True for a key that means one of ours but is spelled otherwise: another case or near-miss of the namespace
    /// (<c>HubInfra:hubs</c>, <c>hubinfr:hubs</c>) or a dot for the colon (<c>hubinfra.budget</c>).
    /// </summary>
    private static bool LooksLikeOurs(string key, out string intended)
    {
        intended = "";
        var separator = key.IndexOfAny([':', '.']);
        if (separator < 0) return false; // a key without namespace is the project's, hubinfra (see Read)
        var ns = key[..separator];
        var name = key[(separator + 1)..];
        var namespaceLike = ns.Length > 0 && (ns.Equals(ConfigKey.Namespace, StringComparison.OrdinalIgnoreCase)
            || ns.Replace("-", "").Replace("_", "").Equals(ConfigKey.Namespace, StringComparison.OrdinalIgnoreCase)
            || EditDistance.Between(ns.ToLowerInvariant(), ConfigKey.Namespace) <= 2);
        if (ns.Length > 0 && !namespaceLike) return false;
        if (ns == ConfigKey.Namespace && key[separator] == ':') return false;
        var known = ConfigKey.All.FirstOrDefault(k => k.Equals(name, StringComparison.OrdinalIgnoreCase))
            ?? Nearest(name, ConfigKey.All);
        if (known is null)
        {
            if (ns.Length == 0) return false;
            intended = name;
            return true;
        }
        intended = known;
        return true;
    }

    private static string? Nearest(string key, IEnumerable<string> candidates)
    {
        var best = candidates.OrderBy(c => EditDistance.Between(c, key)).FirstOrDefault();
        return best is not null && EditDistance.Between(best, key) <= Math.Max(1, key.Length / 3) ? best : null;
    }
}
