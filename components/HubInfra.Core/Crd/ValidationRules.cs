using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Cel;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;

namespace HubInfra.Core.Crd;

/// <summary>
/// Evaluates a CRD's <c>x-kubernetes-validations</c> rules with a real CEL implementation (the <c>Cel</c> package,
/// telus-oss/cel-net) the way the API server does (Kubernetes docs, "Extend the Kubernetes API with
/// CustomResourceDefinitions", Validation rules): each rule at its node of the schema with <c>self</c> bound to
/// that node's value, after pruning and defaulting; a rule that does not hold reports its <c>message</c> (or the
/// value of its <c>messageExpression</c>, or <c>failed rule: RULE</c>) at the node, or at its <c>fieldPath</c>.
/// Objects become CEL maps, lists CEL lists, integers <c>int</c>, other numbers <c>double</c>; strings of
/// <c>format: date-time</c> or <c>date</c> become <c>timestamp</c>s and of <c>format: byte</c> <c>bytes</c>, as the
/// docs' type table says (<c>format: duration</c> stays a string here: cel-net has no Go duration parser).
/// <para>
/// <c>has(self.f)</c> on a map is a presence test in CEL (cel-spec, langdef.md, "Macros": true when the map has the
/// key), whatever the value; cel-net's own <c>has</c> follows proto3 field semantics instead (an empty map, list or
/// string reads as absent), so it is replaced here by the presence test. Transition rules (those that use
/// <c>oldSelf</c>) run only on update, never on create, so they are skipped. A rule this CEL cannot compile or
/// evaluate is reported as a problem: the check never passes what it could not check.
/// </para>
/// </summary>
public sealed partial class ValidationRules
{
    private readonly CelEnvironment _cel = new(null, null);
    private readonly Dictionary<string, (CelProgramDelegate? Program, string? Error)> _compiled = new(StringComparer.Ordinal);

    public ValidationRules()
    {
        _cel.RegisterFunction("has", [typeof(object)], Has);
    }

    /// <summary>A field that a select did not find: cel-net returns an internal marker type for it.</summary>
    private static object Has(object?[] args) =>
        args.Length == 1 && args[0]?.GetType().FullName != "Cel.Internal.CelNoSuchField";

    public IEnumerable<CrdFinding> Evaluate(RuleSite site)
    {
        var self = ToCel(site.Value, site.Schema);
        foreach (var entry in site.Rules)
        {
            if (entry is not JsonObject rule || Text(rule["rule"]) is not { Length: > 0 } text)
            {
                yield return new CrdFinding(site.Path, "has an x-kubernetes-validations entry without a rule; fix the CRD");
                continue;
            }
            if (OldSelf().IsMatch(text)) continue;
            var path = Text(rule["fieldPath"]) is { Length: > 0 } fieldPath ? site.Path + (fieldPath.StartsWith('.') ? "" : ".") + fieldPath : site.Path;
            path = path.TrimStart('.');
            var (result, error) = Run(text, self);
            if (error is not null)
            {
                yield return new CrdFinding(path, $"the rule '{text}' could not be evaluated ({error}); check the object and the CRD");
                continue;
            }
            if (result is true) continue;
            if (result is not false)
            {
                yield return new CrdFinding(path, $"the rule '{text}' gave {result ?? "null"}, not true or false; check the CRD");
                continue;
            }
            var message = Text(rule["message"]);
            if (Text(rule["messageExpression"]) is { Length: > 0 } expression && Run(expression, self) is { Error: null, Result: string computed } && computed.Length > 0)
                message = computed;
            yield return new CrdFinding(path, $"{(string.IsNullOrEmpty(message) ? $"failed rule: {text}" : message)} (rule: {text}); change the object so that the rule holds");
        }
    }

    private (object? Result, string? Error) Run(string expression, object? self)
    {
        if (!_compiled.TryGetValue(expression, out var compiled))
        {
            try
            {
                compiled = (_cel.Compile(expression), null);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                compiled = (null, "does not compile: " + e.Message.TrimEnd('.'));
            }
            _compiled[expression] = compiled;
        }
        if (compiled.Program is null) return (null, compiled.Error);
        try
        {
            var result = compiled.Program(new Dictionary<string, object?>(StringComparer.Ordinal) { ["self"] = self });
            return result?.GetType().FullName == "Cel.Internal.CelNoSuchField" ? (null, "no such key") : (result, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            return (null, e.Message.TrimEnd('.'));
        }
    }

    /// <summary>
    /// A JSON value as cel-net reads CEL values: maps, lists, int (long), double, string, bool, null; timestamps
    /// and bytes where <paramref name="schema"/> (the value's schema node, if known) gives the string a format.
    /// </summary>
    public static object? ToCel(JsonNode? node, JsonObject? schema = null)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var map = new Dictionary<string, object>(StringComparer.Ordinal);
                var properties = schema?["properties"] as JsonObject;
                var each = schema?["additionalProperties"] as JsonObject;
                foreach (var (key, value) in obj) map[key] = ToCel(value, properties?[key] as JsonObject ?? each)!;
                return map;
            case JsonArray array:
                var items = schema?["items"] as JsonObject;
                return array.Select(item => ToCel(item, items)).ToArray();
        }
        var v = (JsonValue)node;
        return v.GetValueKind() switch
        {
            JsonValueKind.String => Formatted(v.GetValue<string>(), Text(schema?["format"])),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when v.TryGetValue<long>(out var l) => l,
            JsonValueKind.Number => StructuralSchemaCheck.NumberOf(v),
            _ => null,
        };
    }

    private static object Formatted(string text, string? format)
    {
        switch (format)
        {
            case "date-time" or "datetime" or "date"
                when DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at):
                return Timestamp.FromDateTimeOffset(at);
            case "byte":
                try
                {
                    return ByteString.FromBase64(text);
                }
                catch (FormatException)
                {
                    return text;
                }
            default:
                return text;
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"\boldSelf\b")]
    private static partial Regex OldSelf();
}
