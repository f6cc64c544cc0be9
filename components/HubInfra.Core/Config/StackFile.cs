using System.Globalization;
using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HubInfra.Core.Config;

/// <summary>
/// Reads a Pulumi stack file (<c>stacks/Pulumi.&lt;stack&gt;.yaml</c>) offline with YamlDotNet into a <see cref="RawConfig"/>,
/// exactly as Pulumi would hand it to the program, except that secure values stay encrypted.
/// </summary>
public static class StackFile
{
    public const string Prefix = "Pulumi.";
    public const string Suffix = ".yaml";

    public static string FileName(string stack) => $"{Prefix}{stack}{Suffix}";

    /// <summary>A stack's file in a folder, spelled from the folder as the user gave it (<c>stacks/Pulumi.x.yaml</c>, <c>/tmp/s/Pulumi.x.yaml</c>).</summary>
    public static string PathIn(string folder, string stack) => Path.Combine(folder, FileName(stack));

    public static string StackNameOf(string path)
    {
        var name = Path.GetFileName(path);
        return name[Prefix.Length..^Suffix.Length];
    }

    /// <summary>Every stack file in a folder, sorted by stack name.</summary>
    public static IReadOnlyList<string> FindAll(string directory) =>
        Directory.Exists(directory)
            ? Directory.GetFiles(directory, $"{Prefix}*{Suffix}").Order(StringComparer.Ordinal).ToList()
            : [];

    public static RawConfig Load(string path) => Parse(StackNameOf(path), File.ReadAllText(path));

    public static RawConfig Parse(string stackName, string yaml)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            throw new StackFileException($"not valid YAML at line {e.Start.Line}: {e.Message}");
        }

        var values = new Dictionary<string, JsonNode?>();
        var foreign = new Dictionary<string, string>();
        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            return new RawConfig(stackName, values) { Foreign = foreign };

        if (!root.Children.TryGetValue(new YamlScalarNode("config"), out var configNode))
            return new RawConfig(stackName, values) { Foreign = foreign };
        if (configNode is not YamlMappingNode config)
            throw new StackFileException("'config' must be a mapping of keys to values");

        foreach (var (keyNode, valueNode) in config.Children)
        {
            var key = ((YamlScalarNode)keyNode).Value ?? "";
            var colon = key.IndexOf(':');
            var ns = colon < 0 ? "" : key[..colon];
            var shortKey = colon < 0 ? key : key[(colon + 1)..];
            if (ns == ConfigKey.Namespace)
                values[shortKey] = ToJson(valueNode);
            else
                foreign[key] = valueNode is YamlScalarNode s ? s.Value ?? "" : "";
        }

        return new RawConfig(stackName, values) { Foreign = foreign };
    }

    /// <summary>Converts a YAML node to JSON with YAML 1.2 core-schema typing of plain scalars.</summary>
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv =>
            KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", ToJson(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(ToJson).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => null,
    };

    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var text = scalar.Value ?? "";
        if (scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted or ScalarStyle.Literal or ScalarStyle.Folded)
            return JsonValue.Create(text);
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
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && text.Any(char.IsDigit))
            return JsonValue.Create(d);
        return JsonValue.Create(text);
    }
}

/// <summary>A stack file that cannot be read at all (as opposed to one with config problems).</summary>
public sealed class StackFileException(string message) : Exception(message);
