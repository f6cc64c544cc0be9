using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HubInfra.Core.Config;

/// <summary>
/// Turns the YAML text of a stack file into a JSON tree, bounded so that no input can crash or hang the tool:
/// it walks YamlDotNet's event stream iteratively (no recursion, so deep nesting cannot overflow the stack), stops
/// at <see cref="MaxDepth"/> levels, copies anchored values for aliases only up to <see cref="MaxAliasValues"/> values
/// in all (an alias bomb fails at once), and turns every exception YamlDotNet throws into one
/// <see cref="StackFileException"/> with line and column. Merge keys (<c>&lt;&lt;: *anchor</c>) are applied as
/// Pulumi's YAML reader (go-yaml) applies them: keys written in the mapping win over merged ones, and of several
/// merged mappings the first wins. A key written twice in one mapping is an error, as in Pulumi.
/// </summary>
public static partial class StackYaml
{
    /// <summary>Deepest nesting of mappings and lists accepted (a stack file needs about 8).</summary>
    public const int MaxDepth = 64;

    /// <summary>Most values that aliases (<c>*name</c>) and merge keys may copy into the tree, in all.</summary>
    public const int MaxAliasValues = 100_000;

    /// <summary>Longest single value or key, in characters (a certificate is about 2,000).</summary>
    public const int MaxScalarChars = 64 * 1024;

    /// <summary>Most values (scalars, mappings and lists) in one file; the 5 MB benchmark stack (6,668 hubs) has 280,068.</summary>
    public const int MaxValues = 1_000_000;

    public static JsonNode? Read(string yaml, string file)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            return new Builder(file).Run(parser);
        }
        catch (StackFileException)
        {
            throw;
        }
        catch (YamlException e)
        {
            throw Invalid(file, yaml, e.Start.Line, e.Start.Column, Clean(e.Message));
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // YamlDotNet also throws plain exceptions (ArgumentException, InvalidOperationException, ...) on some
            // malformed input: they are syntax errors too, located where the parser stood.
            // Their messages say nothing to a user ("Operation is not valid due to the current state of the object").
            var at = parser.Current?.Start;
            _ = e;
            throw Invalid(file, yaml, at?.Line ?? 1, at?.Column ?? 1, "the structure breaks off here (usually a [ or { that is never closed)");
        }
    }

    private static StackFileException Invalid(string file, string yaml, long line, long column, string what)
    {
        if (what.Contains("tab", StringComparison.OrdinalIgnoreCase) && FirstIndentingTab(yaml) is { } tab)
            return new StackFileException(file, tab.Line, tab.Column, "not valid YAML: a tab indents this line; indent with spaces (YAML does not allow tabs for indentation)");
        return new StackFileException(file, line, column,
            $"not valid YAML: {what}; fix the YAML syntax there (close every [ and {{, indent with spaces, quote values that contain ': ' or ' #')");
    }

    private static (long Line, long Column)? FirstIndentingTab(string yaml)
    {
        using var reader = new StringReader(yaml);
        var number = 0L;
        while (reader.ReadLine() is { } text)
        {
            number++;
            var indent = text.Length - text.TrimStart(' ', '\t').Length;
            var tab = text.IndexOf('\t');
            if (tab >= 0 && tab < indent && text.Trim().Length > 0)
                return (number, tab + 1);
        }
        return null;
    }

    private static string Clean(string message)
    {
        // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (Line: ...): "; we print our own location.
        var text = LocationPrefix().Replace(message, "").Trim().TrimEnd('.');
        return text.Length == 0 ? "unexpected input" : text;
    }

    [GeneratedRegex(@"^(\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\):\s*)")]
    private static partial Regex LocationPrefix();

    private sealed class Frame(JsonNode node, string? anchor, Mark start)
    {
        public JsonNode Node { get; } = node;
        public string? Anchor { get; } = anchor;
        public Mark Start { get; } = start;
        public string? Key { get; set; }
        public Mark KeyMark { get; set; } = Mark.Empty;
        public bool AwaitingKey { get; set; } = true;
        public bool MergeKey { get; set; }
        public int Size { get; set; } = 1;
        public List<JsonObject>? Merges { get; set; }
        public Dictionary<string, Mark>? KeyMarks { get; set; }
    }

    private sealed class Builder(string file)
    {
        private readonly Stack<Frame> _frames = new();
        private readonly Dictionary<string, (JsonNode? Node, int Size)> _anchors = new(StringComparer.Ordinal);
        private readonly HashSet<string> _open = new(StringComparer.Ordinal);
        private int _copied;
        private int _values;
        private JsonNode? _root;
        private bool _done;

        public JsonNode? Run(IParser parser)
        {
            while (!_done && parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case Scalar s:
                        OnScalar(s);
                        break;
                    case SequenceStart s:
                        Open(new JsonArray(), s.Anchor, s.Start);
                        break;
                    case MappingStart m:
                        Open(new JsonObject(), m.Anchor, m.Start);
                        break;
                    case SequenceEnd or MappingEnd:
                        Close();
                        break;
                    case AnchorAlias a:
                        OnAlias(a);
                        break;
                    case DocumentEnd:
                        // Pulumi reads the first document of a stack file; so do we.
                        _done = true;
                        break;
                }
            }
            return _root;
        }

        private StackFileException Error(Mark at, string message) => new(file, at.Line, at.Column, message);

        /// <summary>Counts <paramref name="count"/> new values (read or copied by an alias) against <see cref="MaxValues"/>.</summary>
        private void Count(int count, Mark at)
        {
            if ((_values += count) > MaxValues)
                throw Error(at, $"too large: the file holds more than {MaxValues:N0} values (a stack file needs a few hundred); remove what the stack does not need");
        }

        private void OnScalar(Scalar s)
        {
            if (s.Value.Length > MaxScalarChars)
                throw Error(s.Start, $"too large: a value of {s.Value.Length:N0} characters; values are limited to {MaxScalarChars:N0} characters: shorten it or keep it outside the stack file");
            if (_frames.TryPeek(out var top) && top.Node is JsonObject && top.AwaitingKey)
            {
                top.Key = s.Value;
                top.KeyMark = s.Start;
                top.MergeKey = s.Value == "<<" && s.Style == ScalarStyle.Plain;
                top.AwaitingKey = false;
                return;
            }
            Count(1, s.Start);
            var value = Typed(s);
            if (!s.Anchor.IsEmpty) Remember(s.Anchor.Value, value, 1);
            Add(value, 1, s.Start);
        }

        private void Open(JsonNode node, AnchorName anchor, Mark start)
        {
            RejectComplexKey(start);
            if (_frames.Count >= MaxDepth)
                throw Error(start, $"not valid YAML: mappings and lists are nested more than {MaxDepth} levels deep; " +
                    "close the brackets you opened, or flatten the structure (a stack file needs fewer than 10 levels)");
            Count(1, start);
            var name = anchor.IsEmpty ? null : anchor.Value;
            if (name is not null) _open.Add(name);
            _frames.Push(new Frame(node, name, start));
        }

        private void Close()
        {
            var frame = _frames.Pop();
            if (frame.Node is JsonObject obj)
            {
                if (!frame.AwaitingKey)
                    throw Error(frame.KeyMark, $"not valid YAML: key '{frame.Key}' has no value; write a value after it");
                if (frame.Merges is { } merges)
                    foreach (var source in merges)
                        foreach (var (k, v) in source)
                            if (!obj.ContainsKey(k))
                                obj[k] = Copy(v, frame.Start, out var size, Count(v)).Node;
            }
            if (frame.Merges is not null) frame.Size = Count(frame.Node);
            if (frame.Anchor is not null)
            {
                _open.Remove(frame.Anchor);
                Remember(frame.Anchor, frame.Node, frame.Size);
            }
            Add(frame.Node, frame.Size, frame.Start);
        }

        private void OnAlias(AnchorAlias a)
        {
            RejectComplexKey(a.Start);
            var name = a.Value.Value;
            if (_open.Contains(name))
                throw Error(a.Start, $"not valid YAML: alias *{name} refers to the mapping or list it is in; remove the alias or point it at another anchor");
            if (!_anchors.TryGetValue(name, out var anchored))
                throw Error(a.Start, $"not valid YAML: alias *{name} has no anchor &{name} before it; define &{name} first or remove the alias");
            var (copy, size) = Copy(anchored.Node, a.Start, out _, anchored.Size);
            Add(copy, size, a.Start);
        }

        private (JsonNode? Node, int Size) Copy(JsonNode? node, Mark at, out int size, int count)
        {
            size = count;
            _copied += count;
            Count(count, at);
            if (_copied > MaxAliasValues)
                throw Error(at, $"not valid YAML: aliases and merge keys expand to more than {MaxAliasValues:N0} values (an alias bomb?); " +
                    "write the values out instead of nesting aliases of aliases");
            return (node?.DeepClone(), count);
        }

        private void Remember(string name, JsonNode? node, int size) => _anchors[name] = (node, size);

        private void RejectComplexKey(Mark at)
        {
            if (_frames.TryPeek(out var top) && top.Node is JsonObject && top.AwaitingKey)
                throw Error(at, "not valid YAML: a key must be plain text, not a mapping, list or alias; write the key as text");
        }

        private void Add(JsonNode? value, int size, Mark at)
        {
            if (!_frames.TryPeek(out var top))
            {
                _root = value;
                return;
            }
            top.Size += size;
            if (top.Node is JsonArray array)
            {
                array.Add(value);
                return;
            }
            var obj = (JsonObject)top.Node;
            var key = top.Key ?? "";
            top.AwaitingKey = true;
            if (top.MergeKey)
            {
                top.MergeKey = false;
                top.Merges ??= [];
                if (value is JsonObject source)
                    top.Merges.Add(source);
                else if (value is JsonArray list && list.All(x => x is JsonObject))
                    top.Merges.AddRange(list.Cast<JsonObject>());
                else
                    throw Error(top.KeyMark, "not valid YAML: a merge key '<<' takes a mapping or a list of mappings; write <<: *anchor where &anchor names a mapping");
                // The merged values stay in the tree only through the merge; detach them from their temporary parent.
                if (value is JsonArray l) l.Clear();
                return;
            }
            top.KeyMarks ??= new Dictionary<string, Mark>(StringComparer.Ordinal);
            if (top.KeyMarks.TryGetValue(key, out var first))
                throw Error(top.KeyMark, $"not valid YAML: key '{key}' appears twice in one mapping (first on line {first.Line}); keep one of them");
            top.KeyMarks[key] = top.KeyMark;
            obj[key] = value;
        }

        private static int Count(JsonNode? node)
        {
            // Iterative, so that counting a deep tree cannot overflow the stack.
            var count = 0;
            var pending = new Stack<JsonNode?>();
            pending.Push(node);
            while (pending.Count > 0)
            {
                var n = pending.Pop();
                count++;
                if (n is JsonObject o) foreach (var (_, v) in o) pending.Push(v);
                else if (n is JsonArray a) foreach (var v in a) pending.Push(v);
            }
            return count;
        }
    }

    /// <summary>YAML 1.2 core-schema typing of a scalar, as Pulumi reads it; quoted and block scalars are strings.</summary>
    public static JsonNode? Typed(Scalar scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
        if (!scalar.Tag.IsEmpty && (scalar.Tag.Value is "tag:yaml.org,2002:str" or "!"))
            return JsonValue.Create(text);
        return Plain(text);
    }

    public static JsonNode? Plain(string text)
    {
        switch (text)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return null;
            case "true" or "True" or "TRUE":
                return JsonValue.Create(true);
            case "false" or "False" or "FALSE":
                return JsonValue.Create(false);
        }
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit) && double.IsFinite(d))
            // Keep the number as written (3.10 stays 3.10), so that messages can quote it back to the user.
            return JsonNumber().IsMatch(text) ? JsonNode.Parse(text) : JsonValue.Create(d);
        return JsonValue.Create(text);
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();
}
