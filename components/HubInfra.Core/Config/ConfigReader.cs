using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace HubInfra.Core.Config;

/// <summary>
/// Reads one config object field by field, never throwing: every wrong type, missing required key and unknown
/// key becomes a <see cref="Problem"/> naming its full key (<c>hubinfra:hubs[0].auth.github.clientId</c>).
/// </summary>
public sealed class ConfigReader
{
    private readonly JsonObject _object;
    private readonly List<Problem> _problems;
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public ConfigReader(string path, JsonObject node, List<Problem> problems)
    {
        Path = path;
        _object = node;
        _problems = problems;
    }

    /// <summary>A reader over the whole <c>hubinfra:</c> namespace of a stack.</summary>
    public static ConfigReader ForStack(RawConfig raw, List<Problem> problems) =>
        new($"{ConfigKey.Namespace}:", new JsonObject(raw.Values.Select(kv => KeyValuePair.Create(kv.Key, kv.Value?.DeepClone()))), problems);

    public string Path { get; }

    public IReadOnlyList<Problem> Problems => _problems;

    public string KeyOf(string key) => Path.EndsWith(':') ? Path + key : $"{Path}.{key}";

    public bool Has(string key) => _object.TryGetPropertyValue(key, out var v) && v is not null;

    /// <summary>The key holds a string (for values with a short and a long form, like images).</summary>
    public bool IsString(string key) => _object.TryGetPropertyValue(key, out var v) && v is JsonValue s && s.GetValueKind() == JsonValueKind.String;

    /// <summary>The key holds a list whose items are all objects.</summary>
    public bool IsListOfObjects(string key) => _object.TryGetPropertyValue(key, out var v) && v is JsonArray a && a.Count > 0 && a.All(i => i is JsonObject);

    /// <summary>The keys of a child object (for maps whose keys are data, like user names).</summary>
    public IReadOnlyList<string> ChildKeys(string key) =>
        _object.TryGetPropertyValue(key, out var v) && v is JsonObject o ? o.Select(kv => kv.Key).ToList() : [];

    public void Error(string key, string message)
    {
        if (_problems.Count > ConfigLimits.ProblemsReported) return;
        _problems.Add(_problems.Count == ConfigLimits.ProblemsReported ? ConfigLimits.TooMany(KeyOf(key)) : new Problem(KeyOf(key), message));
    }

    private JsonNode? Take(string key, bool required, string example)
    {
        _read.Add(key);
        if (_object.TryGetPropertyValue(key, out var node) && node is not null)
            return node;
        if (required)
            Error(key, $"is required; set it, e.g. {Example(key, example)}");
        return null;
    }

    public string? String(string key, bool required = false, string example = "\"...\"")
    {
        var node = Take(key, required, example);
        if (node is null) return null;
        if (node is JsonValue v && v.GetValueKind() is JsonValueKind.String or JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False)
        {
            var text = v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : v.ToJsonString();
            if (required && string.IsNullOrWhiteSpace(text))
            {
                Error(key, $"is empty; set it, e.g. {Example(key, example)}");
                return null;
            }
            return text;
        }
        if (IsSecure(node))
        {
            Error(key, "is set as a secret but is not secret data; set it in plain text with 'pulumi config set --path'");
            return null;
        }
        Error(key, $"must be a single text value, not {Describe(node)}; write it as text, e.g. {Example(key, example)}");
        return null;
    }

    public string Text(string key, string @default) => String(key) ?? @default;

    public int Int(string key, int @default) => OptionalInt(key) ?? @default;

    public int? OptionalInt(string key, bool required = false, string example = "1")
    {
        var node = Take(key, required, example);
        if (node is null) return null;
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out var l) && l is >= int.MinValue and <= int.MaxValue)
                return (int)l;
            if (v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<double>(out var d) && d == Math.Floor(d) && Math.Abs(d) < int.MaxValue)
                return (int)d;
            if (v.GetValueKind() == JsonValueKind.String && int.TryParse(v.GetValue<string>(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var i))
                return i;
        }
        Error(key, $"must be a whole number, not {Describe(node)}; write e.g. {Example(key, example)}");
        return null;
    }

    /// <summary>A whole number within [<paramref name="min"/>, <paramref name="max"/>]; outside it is an error at the key (and null).</summary>
    public int? BoundedInt(string key, int min, int max, string limit = "", bool required = false, string? example = null)
    {
        example ??= min.ToString(CultureInfo.InvariantCulture);
        var node = Take(key, required, example);
        if (node is null) return null;
        double? number = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? AsDouble(v)
            : node is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && double.TryParse(sv.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
        if (number is not { } d || !double.IsFinite(d) || d != Math.Floor(d))
        {
            Error(key, $"must be a whole number from {min:N0} to {max:N0}{limit}, not {Describe(node)}; write e.g. {Example(key, example)}");
            return null;
        }
        if (d < min || d > max)
        {
            Error(key, $"must be from {min:N0} to {max:N0}{limit}, not {Describe(node)}; set a value in that range");
            return null;
        }
        return (int)d;
    }

    /// <summary><see cref="BoundedInt"/> with a default for a missing (or invalid) value.</summary>
    public int IntIn(string key, int @default, int min, int max, string limit = "") => BoundedInt(key, min, max, limit) ?? @default;

    /// <summary>A number within [<paramref name="min"/>, <paramref name="max"/>] (above <paramref name="min"/> when <paramref name="minExclusive"/>).</summary>
    public double? BoundedDouble(string key, double min, double max, string limit = "", bool minExclusive = false, bool required = false, string example = "1")
    {
        var node = Take(key, required, example);
        if (node is null) return null;
        double? number = node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? AsDouble(v)
            : node is JsonValue sv && sv.GetValueKind() == JsonValueKind.String && double.TryParse(sv.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) ? parsed
            : null;
        var range = minExclusive ? $"more than {min.ToString(CultureInfo.InvariantCulture)} and at most {max.ToString("#,0.###", CultureInfo.InvariantCulture)}"
            : $"from {min.ToString(CultureInfo.InvariantCulture)} to {max.ToString("#,0.###", CultureInfo.InvariantCulture)}";
        if (number is not { } d || !double.IsFinite(d))
        {
            Error(key, $"must be a number {range}{limit}, not {Describe(node)}; write e.g. {Example(key, example)}");
            return null;
        }
        if (d < min || d > max || (minExclusive && d <= min))
        {
            Error(key, $"must be {range}{limit}, not {Describe(node)}; set a value in that range");
            return null;
        }
        return d;
    }

    /// <summary><see cref="BoundedDouble"/> with a default for a missing (or invalid) value.</summary>
    public double DoubleIn(string key, double @default, double min, double max, string limit = "", bool minExclusive = false) =>
        BoundedDouble(key, min, max, limit, minExclusive) ?? @default;

    /// <summary>True when the key holds a number (as YAML read it), e.g. memory written without a unit.</summary>
    public bool IsNumber(string key) => _object.TryGetPropertyValue(key, out var v) && v is JsonValue jv && jv.GetValueKind() == JsonValueKind.Number;

    /// <summary>The value as written in the file when it is a number (3.10 stays "3.10"), else null.</summary>
    public string? NumberText(string key) => IsNumber(key) ? _object[key]!.ToJsonString() : null;

    public double Double(string key, double @default) => OptionalDouble(key) ?? @default;

    public double? OptionalDouble(string key, bool required = false, string example = "1.0")
    {
        var node = Take(key, required, example);
        if (node is null) return null;
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.Number)
                return AsDouble(v);
            if (v.GetValueKind() == JsonValueKind.String && double.TryParse(v.GetValue<string>(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
                return d;
        }
        Error(key, $"must be a number, not {Describe(node)}; write e.g. {Example(key, example)}");
        return null;
    }

    public bool Bool(string key, bool @default) => OptionalBool(key) ?? @default;

    public bool? OptionalBool(string key)
    {
        var node = Take(key, false, "true");
        if (node is null) return null;
        if (node is JsonValue v)
        {
            if (v.GetValueKind() == JsonValueKind.True) return true;
            if (v.GetValueKind() == JsonValueKind.False) return false;
            if (v.GetValueKind() == JsonValueKind.String && bool.TryParse(v.GetValue<string>(), out var b)) return b;
        }
        Error(key, $"must be true or false, not {Describe(node)}; write {key}: true or {key}: false");
        return null;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        var node = Take(key, false, "[]");
        if (node is null) return [];
        if (node is not JsonArray array)
        {
            Error(key, $"must be a list of text values, not {Describe(node)}; write e.g. {key}: [first, second]");
            return [];
        }
        var result = new List<string>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.String)
                result.Add(v.GetValue<string>());
            else
                Error($"{key}[{i}]", $"must be a text value, not {Describe(array[i])}; write the item as text (quote it if YAML reads it otherwise)");
        }
        return result;
    }

    public IReadOnlyList<double> Doubles(string key, IReadOnlyList<double> @default)
    {
        var node = Take(key, false, "[0.5, 1.0]");
        if (node is null) return @default;
        if (node is not JsonArray array)
        {
            Error(key, $"must be a list of numbers, not {Describe(node)}; write e.g. {key}: [0.5, 1.0]");
            return @default;
        }
        var result = new List<double>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonValue v && v.GetValueKind() == JsonValueKind.Number)
                result.Add(AsDouble(v));
            else
                Error($"{key}[{i}]", $"must be a number, not {Describe(array[i])}; write a number such as 0.9");
        }
        return result;
    }

    public ConfigReader? Object(string key, bool required = false, string example = "{ ... }")
    {
        var node = Take(key, required, example);
        if (node is null) return null;
        if (node is JsonObject o && !IsSecure(o))
            return new ConfigReader(KeyOf(key), o, _problems);
        Error(key, node is JsonArray
            ? $"must be a mapping of keys to values, not a list; remove the '- ' before its keys, e.g. {Example(key, example)}"
            : $"must be a mapping of keys to values, not {Describe(node)}; write its keys indented below it, e.g. {Example(key, example)}");
        return null;
    }

    public IReadOnlyList<ConfigReader> Objects(string key, bool required = false, string example = "[ { ... } ]")
    {
        var node = Take(key, required, example);
        if (node is null) return [];
        if (node is not JsonArray array)
        {
            Error(key, $"must be a list of mappings, not {Describe(node)}; write each item below {key}: as '- name: ...', e.g. {Example(key, example)}");
            return [];
        }
        var result = new List<ConfigReader>();
        for (var i = 0; i < array.Count; i++)
        {
            if (array[i] is JsonObject o)
                result.Add(new ConfigReader($"{KeyOf(key)}[{i}]", o, _problems));
            else
                Error($"{key}[{i}]", $"must be a mapping of keys to values, not {Describe(array[i])}; write the item's keys after the '- ', e.g. - name: ...");
        }
        return result;
    }

    /// <summary>
    /// A value that must be a Pulumi secret. A plain-text value is reported (the fix is <c>pulumi config set --secret</c>)
    /// but still bound, so the remaining checks run.
    /// </summary>
    public Secret? Secret(string key, bool required = false)
    {
        var node = Take(key, required, $"with: pulumi config set --secret --path '{PulumiPath(key)}' <value>");
        if (node is null) return null;
        if (IsSecure(node))
        {
            var inner = node["secure"];
            if (inner is JsonValue sv && sv.GetValueKind() == JsonValueKind.String)
                return new Secret(sv.GetValue<string>(), true);
            Error(key, $"holds {Describe(inner)} where Pulumi writes encrypted text; set it again with: pulumi config set --secret --path '{PulumiPath(key)}' <value>");
            return new Secret(null, true);
        }
        if (node is JsonValue v && v.GetValueKind() == JsonValueKind.String)
        {
            Error(key, $"is in plain text; it must be a secret: set it with pulumi config set --secret --path '{PulumiPath(key)}' <value>");
            return new Secret(v.GetValue<string>(), false);
        }
        Error(key, $"must be a secret text value, not {Describe(node)}; set it with: pulumi config set --secret --path '{PulumiPath(key)}' <value>");
        return null;
    }

    /// <summary>Reports every key of this object that nothing read, suggesting the nearest known key.</summary>
    public void RejectUnknown()
    {
        var unknown = 0;
        foreach (var (key, _) in _object)
        {
            if (_read.Contains(key)) continue;
            if (++unknown > ConfigLimits.UnknownKeysReported)
            {
                Error(key, $"and {_object.Count(kv => !_read.Contains(kv.Key)) - ConfigLimits.UnknownKeysReported} more keys are not known here; remove them");
                return;
            }
            var nearest = _read.OrderBy(k => EditDistance.Between(k, key)).FirstOrDefault();
            var hint = nearest is not null && EditDistance.Between(nearest, key) <= Math.Max(2, key.Length / 3)
                ? $"; did you mean '{nearest}'? Rename it"
                : _read.Count > 0 ? $"; remove it or use one of the known keys: {string.Join(", ", _read.Order(StringComparer.Ordinal))}" : "; remove it";
            Error(key, $"is not a known key{hint}");
        }
    }

    /// <summary>The key as `pulumi config set --path` spells it (without the namespace).</summary>
    public string PulumiPath(string key)
    {
        var full = KeyOf(key);
        return full.StartsWith(ConfigKey.Namespace + ":", StringComparison.Ordinal) ? full[(ConfigKey.Namespace.Length + 1)..] : full;
    }

    private static double AsDouble(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d
        : v.TryGetValue<long>(out var l) ? l
        : v.TryGetValue<int>(out var i) ? i
        : double.Parse(v.ToJsonString(), CultureInfo.InvariantCulture);

    public static bool IsSecure(JsonNode? node) => node is JsonObject o && o.Count == 1 && o.ContainsKey("secure");

    private static string Describe(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject o when IsSecure(o) => "a secret",
        JsonObject => "a mapping",
        JsonArray => "a list",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => $"the text \"{Shorten(v.GetValue<string>())}\"",
            JsonValueKind.Number => $"the number {v.ToJsonString()}",
            _ => v.ToJsonString(),
        },
        _ => "an unknown value",
    };

    private static string Example(string key, string example) =>
        example.StartsWith(key + ":", StringComparison.Ordinal) || example.StartsWith("with:", StringComparison.Ordinal) ? example : $"{key}: {example}";

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
