using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HubInfra.Core.Config;

namespace HubInfra.Core.Crd;

/// <summary>A node of an object that carries <c>x-kubernetes-validations</c>: where it is, its rules, its value and schema.</summary>
public sealed record RuleSite(string Path, JsonArray Rules, JsonNode? Value, JsonObject Schema);

/// <summary>
/// Checks one object against a CRD version's <c>openAPIV3Schema</c> the way the API server treats a structural
/// schema, in its order (Kubernetes docs, "Extend the Kubernetes API with CustomResourceDefinitions": field
/// pruning, defaulting and nullable, validation; KEP-2332 pruning, KEP-575 defaulting, KEP-2335 structural schemas):
/// <list type="number">
/// <item>Pruning: a field the schema does not declare is dropped, unless <c>x-kubernetes-preserve-unknown-fields</c>
/// (or <c>additionalProperties</c>, or <c>x-kubernetes-embedded-resource</c> for apiVersion/kind/metadata) keeps it.
/// We never want to send what gets dropped, so each one is an error here.</item>
/// <item>A <c>null</c> where the schema is not <c>nullable</c> is dropped too (then defaulted): an error here, too.</item>
/// <item>Defaulting: an absent field with a <c>default</c> gets it; the rules below see the defaulted object.</item>
/// <item>Validation: <c>type</c> (and <c>x-kubernetes-int-or-string</c>: an integer or a string), <c>format</c>
/// (int32/int64 ranges, date-time, date, byte, uuid), <c>enum</c>, <c>minimum</c>/<c>maximum</c> (and exclusive),
/// <c>multipleOf</c>, <c>minLength</c>/<c>maxLength</c>/<c>pattern</c> (strings only), <c>minItems</c>/
/// <c>maxItems</c>/<c>uniqueItems</c>, <c>minProperties</c>/<c>maxProperties</c>, <c>required</c>,
/// <c>anyOf</c>/<c>allOf</c>/<c>oneOf</c>/<c>not</c> (value checks, which prune nothing), and
/// <c>x-kubernetes-list-type</c> set/map uniqueness.</item>
/// </list>
/// Where the source leaves a choice open the check takes the strict side: a whole number written as <c>3.0</c> is
/// not an integer, and a value beyond int32/int64 is refused (the controller's Go field could not hold it).
/// The nodes with <c>x-kubernetes-validations</c> are returned as <see cref="RuleSite"/>s for
/// <see cref="ValidationRules"/>.
/// </summary>
public sealed class StructuralSchemaCheck
{
    /// <summary>The schema keywords this check understands; others are reported once by <see cref="UncheckedKeywords"/>.</summary>
    public static readonly IReadOnlySet<string> Keywords = new HashSet<string>(StringComparer.Ordinal)
    {
        "type", "format", "title", "description", "default", "example", "externalDocs", "nullable", "enum",
        "maximum", "minimum", "exclusiveMaximum", "exclusiveMinimum", "multipleOf", "maxLength", "minLength",
        "pattern", "maxItems", "minItems", "uniqueItems", "maxProperties", "minProperties", "required", "items",
        "properties", "additionalProperties", "allOf", "anyOf", "oneOf", "not",
        "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields", "x-kubernetes-embedded-resource",
        "x-kubernetes-validations", "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
    };

    /// <summary>String formats checked here; the API server knows more (e.g. hostname, ipv4, cidr): see <see cref="UncheckedKeywords"/>.</summary>
    private static readonly IReadOnlySet<string> CheckedFormats = new HashSet<string>(StringComparer.Ordinal)
    {
        "int32", "int64", "float", "double", "date-time", "datetime", "date", "byte", "uuid",
    };

    private readonly List<CrdFinding> _findings = [];
    private readonly List<RuleSite> _sites = [];
    private readonly bool _valuesOnly;

    private StructuralSchemaCheck(bool valuesOnly) => _valuesOnly = valuesOnly;

    public IReadOnlyList<CrdFinding> Findings => _findings;
    public IReadOnlyList<RuleSite> Sites => _sites;

    /// <summary>
    /// Checks <paramref name="root"/> (changed in place: pruned nulls removed, defaults applied) against
    /// <paramref name="schema"/>. The root's <c>metadata</c> is not walked (it is an ObjectMeta, checked by the caller).
    /// </summary>
    public static StructuralSchemaCheck Run(JsonObject root, JsonObject schema)
    {
        var check = new StructuralSchemaCheck(false);
        check.Walk(root, schema, "", isRoot: true);
        return check;
    }

    /// <summary>Keywords and formats in <paramref name="schema"/> this check does not evaluate, with where they are.</summary>
    public static IReadOnlyList<string> UncheckedKeywords(JsonObject schema)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (s, path) in Nodes(schema))
            foreach (var (key, value) in s)
            {
                var where = path.Length == 0 ? "the root" : path;
                if (!Keywords.Contains(key)) found.Add($"keyword '{key}' at {where}");
                if (key == "format" && Text(value) is { } f && !CheckedFormats.Contains(f) && Text(s["type"]) == "string")
                    found.Add($"format '{f}' at {where}");
            }
        return [.. found];
    }

    /// <summary>Whether any node of <paramref name="schema"/> has <c>x-kubernetes-validations</c> rules.</summary>
    public static bool HasRules(JsonObject schema) =>
        Nodes(schema).Any(n => n.Schema["x-kubernetes-validations"] is JsonArray { Count: > 0 });

    /// <summary>Every schema node with its field path (items as [*], map values as [*]).</summary>
    private static IEnumerable<(JsonObject Schema, string Path)> Nodes(JsonObject schema)
    {
        var pending = new Stack<(JsonObject Schema, string Path)>();
        pending.Push((schema, ""));
        while (pending.Count > 0)
        {
            var (s, path) = pending.Pop();
            yield return (s, path);
            if (s["properties"] is JsonObject props)
                foreach (var (name, sub) in props)
                    if (sub is JsonObject o) pending.Push((o, FieldPath.Child(path, name)));
            if (s["items"] is JsonObject items) pending.Push((items, FieldPath.Key(path, "*")));
            if (s["additionalProperties"] is JsonObject ap) pending.Push((ap, FieldPath.Key(path, "*")));
            foreach (var junctor in new[] { "allOf", "anyOf", "oneOf" })
                if (s[junctor] is JsonArray list)
                    foreach (var sub in list.OfType<JsonObject>()) pending.Push((sub, path));
            if (s["not"] is JsonObject not) pending.Push((not, path));
        }
    }

    private void Add(string path, string message, FindingKind kind = FindingKind.Error) => _findings.Add(new CrdFinding(path, message, kind));

    private void Walk(JsonNode? value, JsonObject schema, string path, bool isRoot = false)
    {
        if (value is null)
        {
            // Nulls in objects are handled by the object (dropped or kept); here: a list item or the root.
            if (!Flag(schema, "nullable"))
                Add(path, "must not be null; give a value", FindingKind.Blocking);
            return;
        }
        if (!CheckType(value, schema, path)) return;
        CheckValue(value, schema, path);
        if (value is JsonObject obj) WalkObject(obj, schema, path, isRoot);
        else if (value is JsonArray array) WalkArray(array, schema, path);
        if (!_valuesOnly && schema["x-kubernetes-validations"] is JsonArray rules && rules.Count > 0)
            _sites.Add(new RuleSite(path, rules, value, schema));
    }

    /// <summary>The type check; false when the value is not of the schema's type (nothing below it is checked then).</summary>
    private bool CheckType(JsonNode value, JsonObject schema, string path)
    {
        if (Flag(schema, "x-kubernetes-int-or-string"))
        {
            if (IsInteger(value) || IsString(value)) return true;
            Add(path, $"must be an integer or a string, not {Describe(value)}; write a number such as 2 or a quantity such as \"500m\"", FindingKind.Blocking);
            return false;
        }
        var type = Text(schema["type"]);
        var ok = type switch
        {
            null => true,
            "object" => value is JsonObject,
            "array" => value is JsonArray,
            "string" => IsString(value),
            "integer" => IsInteger(value),
            "number" => value is JsonValue v && v.GetValueKind() == JsonValueKind.Number,
            "boolean" => value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False,
            _ => true,
        };
        if (ok) return true;
        var hint = type == "integer" && IsString(value) && long.TryParse(Text(value), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
            ? "; write the number without quotes"
            : $"; write {Article(type!)}";
        Add(path, $"must be of type {type}, not {Describe(value)}{hint}", FindingKind.Blocking);
        return false;
    }

    private void CheckValue(JsonNode value, JsonObject schema, string path)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => JsonNode.DeepEquals(a, value)))
            Add(path, $"must be one of {string.Join(", ", allowed.Select(Shown))}, not {Describe(value)}; write one of them", FindingKind.Blocking);

        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number)
            CheckNumber(number, schema, path);
        if (IsString(value))
            CheckString(Text(value)!, schema, path);
        if (value is JsonArray array)
        {
            if (Long(schema["minItems"]) is { } minItems && array.Count < minItems)
                Add(path, $"must have at least {minItems} items, has {array.Count}; add items");
            if (Long(schema["maxItems"]) is { } maxItems && array.Count > maxItems)
                Add(path, $"must have at most {maxItems} items, has {array.Count}; remove items", FindingKind.Blocking);
            if (Flag(schema, "uniqueItems")) CheckUnique(array, path, "uniqueItems");
        }
        if (value is JsonObject obj)
        {
            if (Long(schema["minProperties"]) is { } minP && obj.Count < minP)
                Add(path, $"must have at least {minP} fields, has {obj.Count}; add fields");
            if (Long(schema["maxProperties"]) is { } maxP && obj.Count > maxP)
                Add(path, $"must have at most {maxP} fields, has {obj.Count}; remove fields", FindingKind.Blocking);
        }

        if (schema["allOf"] is JsonArray allOf)
            foreach (var sub in allOf.OfType<JsonObject>())
                ValuesOnly(value, sub, path, _findings);
        if (schema["anyOf"] is JsonArray anyOf && anyOf.Count > 0 && !anyOf.OfType<JsonObject>().Any(s => Satisfies(value, s, path)))
            Add(path, $"must match at least one of the {anyOf.Count} schemas of anyOf, and {Describe(value)} matches none; fix the value");
        if (schema["oneOf"] is JsonArray oneOf && oneOf.Count > 0)
        {
            var matched = oneOf.OfType<JsonObject>().Count(s => Satisfies(value, s, path));
            if (matched != 1)
                Add(path, $"must match exactly one of the {oneOf.Count} schemas of oneOf, and {Describe(value)} matches {matched}; fix the value");
        }
        if (schema["not"] is JsonObject not && Satisfies(value, not, path))
            Add(path, $"must not match the schema under 'not', and {Describe(value)} does; fix the value");
    }

    private void CheckNumber(JsonValue number, JsonObject schema, string path)
    {
        var d = NumberOf(number);
        var shown = number.ToJsonString();
        if (Double(schema["minimum"]) is { } min)
        {
            var exclusive = Flag(schema, "exclusiveMinimum");
            if (exclusive ? d <= min : d < min)
                Add(path, $"must be greater than {(exclusive ? "" : "or equal to ")}{Shown(schema["minimum"])}, not {shown}; give a larger value");
        }
        if (Double(schema["maximum"]) is { } max)
        {
            var exclusive = Flag(schema, "exclusiveMaximum");
            if (exclusive ? d >= max : d > max)
                Add(path, $"must be less than {(exclusive ? "" : "or equal to ")}{Shown(schema["maximum"])}, not {shown}; give a smaller value");
        }
        if (Double(schema["multipleOf"]) is { } step && step > 0 && Math.Abs(Math.IEEERemainder(d, step)) > 1e-9 * Math.Max(1, Math.Abs(d)))
            Add(path, $"must be a multiple of {Shown(schema["multipleOf"])}, not {shown}; give a multiple of {Shown(schema["multipleOf"])}");
        switch (Text(schema["format"]))
        {
            case "int32" when IsInteger(number) && (!number.TryGetValue<long>(out var i) || i is < int.MinValue or > int.MaxValue):
                Add(path, $"must fit in a 32-bit integer (format int32: {int.MinValue} to {int.MaxValue}), not {shown}; give a smaller value");
                break;
            case "int64" when IsInteger(number) && !number.TryGetValue<long>(out _):
                Add(path, $"must fit in a 64-bit integer (format int64), not {shown}; give a smaller value");
                break;
        }
    }

    private void CheckString(string text, JsonObject schema, string path)
    {
        var length = text.EnumerateRunes().Count();
        if (Long(schema["minLength"]) is { } minLength && length < minLength)
            Add(path, $"must be at least {Plural(minLength, "character")} long, not {Describe(JsonValue.Create(text))}; give a longer value");
        if (Long(schema["maxLength"]) is { } maxLength && length > maxLength)
            Add(path, $"must be at most {Plural(maxLength, "character")} long, is {length}; write a shorter value", FindingKind.Blocking);
        if (Text(schema["pattern"]) is { } pattern)
        {
            bool matches;
            try
            {
                // Kubernetes evaluates patterns with Go's RE2 (linear time); a timeout keeps a hostile pattern from hanging us.
                matches = Regex.IsMatch(text, pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1));
            }
            catch (Exception e) when (e is ArgumentException or RegexMatchTimeoutException)
            {
                Add(path, $"cannot be checked against the pattern '{pattern}' ({e.Message.TrimEnd('.')}); check the CRD");
                return;
            }
            if (!matches)
                Add(path, $"must match the pattern '{pattern}', and {Describe(JsonValue.Create(text))} does not; fix the value");
        }
        switch (Text(schema["format"]))
        {
            case "date-time" or "datetime" when !DateTimeOffset.TryParseExact(text, RfcDateTimes, CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                Add(path, $"must be an RFC 3339 date-time (format date-time) such as 2027-07-01T09:00:00Z, not {Describe(JsonValue.Create(text))}; fix the value");
                break;
            case "date" when !DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _):
                Add(path, $"must be a date (format date) such as 2027-07-01, not {Describe(JsonValue.Create(text))}; fix the value");
                break;
            case "byte" when !IsBase64(text):
                Add(path, "must be base64 (format byte); write the value in base64");
                break;
            case "uuid" when !Guid.TryParseExact(text, "D", out _):
                Add(path, $"must be a UUID (format uuid), not {Describe(JsonValue.Create(text))}; fix the value");
                break;
        }
    }

    private static readonly string[] RfcDateTimes =
        ["yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'"];

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return Convert.TryFromBase64String(text, buffer, out _);
    }

    private void WalkObject(JsonObject obj, JsonObject schema, string path, bool isRoot)
    {
        var properties = schema["properties"] as JsonObject;
        var additional = schema["additionalProperties"];
        var preserve = Flag(schema, "x-kubernetes-preserve-unknown-fields") || additional is JsonValue a && a.GetValueKind() == JsonValueKind.True;
        var embedded = Flag(schema, "x-kubernetes-embedded-resource");

        if (!_valuesOnly)
        {
            foreach (var name in obj.Select(p => p.Key).ToList())
            {
                var childPath = FieldPath.Child(path, name);
                var inProperties = properties?.ContainsKey(name) == true;
                var declared = inProperties ? properties![name] as JsonObject : additional as JsonObject;
                if (!inProperties && declared is null && !preserve && !(embedded && name is "apiVersion" or "kind" or "metadata"))
                {
                    var known = properties?.Select(p => p.Key).ToList() ?? [];
                    var near = known.Where(k => EditDistance.Between(k, name) <= 2).OrderBy(k => EditDistance.Between(k, name)).FirstOrDefault();
                    Add(childPath, "unknown field: the API server prunes fields the CRD does not declare, so it would be dropped; " +
                        (near is not null ? $"did you mean '{near}'? " : "") + "remove it or fix its name" +
                        (near is null && known.Count > 0 ? $" (known here: {string.Join(", ", known)})" : ""));
                    obj.Remove(name);
                    continue;
                }
                if (obj[name] is null && declared is not null && !Flag(declared, "nullable"))
                {
                    Add(childPath, "is null: the field is not nullable, so the API server drops it; remove the line or give a value");
                    obj.Remove(name);
                }
            }
            if (properties is not null)
                foreach (var (name, sub) in properties)
                    if (!obj.ContainsKey(name) && (sub as JsonObject)?["default"] is { } def)
                        obj[name] = def.DeepClone();
        }

        if (schema["required"] is JsonArray required)
            foreach (var name in required.Select(Text).OfType<string>())
                if (!obj.ContainsKey(name))
                    Add(FieldPath.Child(path, name), "is required and missing; set it", FindingKind.Blocking);

        foreach (var (name, child) in obj.ToList())
        {
            var childPath = FieldPath.Child(path, name);
            // An object's metadata (the root's, or an embedded resource's) is an ObjectMeta, not pruned by the schema.
            if ((isRoot || embedded) && name == "metadata") continue;
            if (properties?[name] is JsonObject sub) Walk(child, sub, childPath);
            else if (additional is JsonObject each) Walk(child, each, FieldPath.Key(path, name));
        }
    }

    private void WalkArray(JsonArray array, JsonObject schema, string path)
    {
        if (schema["items"] is JsonObject items)
            for (var i = 0; i < array.Count; i++)
                Walk(array[i], items, FieldPath.Index(path, i));
        switch (Text(schema["x-kubernetes-list-type"]))
        {
            case "set":
                CheckUnique(array, path, "x-kubernetes-list-type: set");
                break;
            case "map" when schema["x-kubernetes-list-map-keys"] is JsonArray keys:
                var names = keys.Select(Text).OfType<string>().ToList();
                var seen = new Dictionary<string, int>(StringComparer.Ordinal);
                for (var i = 0; i < array.Count; i++)
                {
                    var key = string.Join(", ", names.Select(k => $"{k}={(array[i] as JsonObject)?[k]?.ToJsonString() ?? "null"}"));
                    if (seen.TryGetValue(key, out var first))
                        Add(FieldPath.Index(path, i), $"duplicates item {first} ({key}); the list is a map keyed by {string.Join(", ", names)}: keep one", FindingKind.Error);
                    else seen[key] = i;
                }
                break;
        }
    }

    private void CheckUnique(JsonArray array, string path, string rule)
    {
        for (var i = 1; i < array.Count; i++)
            for (var j = 0; j < i; j++)
                if (JsonNode.DeepEquals(array[i], array[j]))
                {
                    Add(FieldPath.Index(path, i), $"duplicates item {j} ({rule}); remove one");
                    break;
                }
    }

    /// <summary>Checks <paramref name="value"/> against <paramref name="schema"/> without pruning or defaulting (junctors do neither).</summary>
    private static void ValuesOnly(JsonNode? value, JsonObject schema, string path, List<CrdFinding> into)
    {
        var check = new StructuralSchemaCheck(true);
        check.Walk(value, schema, path);
        into.AddRange(check._findings);
    }

    private static bool Satisfies(JsonNode? value, JsonObject schema, string path)
    {
        var found = new List<CrdFinding>();
        ValuesOnly(value, schema, path, found);
        return found.Count == 0;
    }

    public static bool IsInteger(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number && (v.TryGetValue<long>(out _) || IsWholeBeyondLong(v));

    private static bool IsWholeBeyondLong(JsonValue v)
    {
        // A number too large for a long is still an integer when written without a fraction or exponent.
        var text = v.ToJsonString();
        return text.All(c => char.IsAsciiDigit(c) || c == '-');
    }

    public static bool IsString(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String;

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Flag(JsonObject schema, string key) =>
        schema[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;

    private static long? Long(JsonNode? node) => node is JsonValue v && v.TryGetValue<long>(out var l) ? l : null;

    private static double? Double(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.Number ? NumberOf(v) : null;

    /// <summary>A JSON number as a double, whether the node holds a long, a double or parsed JSON.</summary>
    public static double NumberOf(JsonValue v) =>
        v.TryGetValue<double>(out var d) ? d
        : v.TryGetValue<long>(out var l) ? l
        : double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture);

    private static string Shown(JsonNode? node) => node?.ToJsonString() ?? "null";

    private static string Plural(long n, string noun) => $"{n.ToString(CultureInfo.InvariantCulture)} {noun}{(n == 1 ? "" : "s")}";

    private static string Article(string type) => type switch
    {
        "object" => "a mapping",
        "array" => "a list",
        "integer" => "a whole number",
        "number" => "a number",
        "boolean" => "true or false",
        _ => "a " + type,
    };

    /// <summary>A value as messages quote it: <c>the string "3"</c>, <c>the integer -1</c>, <c>a mapping</c>.</summary>
    public static string Describe(JsonNode? node)
    {
        switch (node)
        {
            case null:
                return "null";
            case JsonObject:
                return "a mapping";
            case JsonArray:
                return "a list";
        }
        var v = (JsonValue)node;
        return v.GetValueKind() switch
        {
            JsonValueKind.String => "the string " + Quote(Text(v)!),
            JsonValueKind.True or JsonValueKind.False => "the boolean " + v.ToJsonString(),
            JsonValueKind.Number when IsInteger(v) => "the integer " + v.ToJsonString(),
            JsonValueKind.Number => "the number " + v.ToJsonString(),
            _ => v.ToJsonString(),
        };
    }

    private static string Quote(string text) =>
        JsonSerializer.Serialize(text.Length > 60 ? text[..57] + "..." : text);
}
