using System.Text.Json.Nodes;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HubInfra.Core.Config;

/// <summary>
/// The documents of a multi-document YAML stream (manifests separated by <c>---</c>), each read by the bounded
/// <see cref="StackYaml"/> reader; empty documents read as null. Errors are <see cref="StackFileException"/>s
/// with the line and column in the whole file.
/// </summary>
public static class YamlDocuments
{
    /// <summary>Most documents read from one stream (a rendered event has about 10).</summary>
    public const int MaxDocuments = 10_000;

    public static IReadOnlyList<JsonNode?> Read(string yaml, string file)
    {
        var documents = new List<JsonNode?>();
        var parser = new Parser(new StringReader(yaml));
        Mark? start = null;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case DocumentStart s:
                        start = s.Start;
                        break;
                    case DocumentEnd e when start is { } from:
                        if (documents.Count >= MaxDocuments)
                            throw new StackFileException(file, from.Line, from.Column, $"holds more than {MaxDocuments:N0} YAML documents; split it into smaller files");
                        documents.Add(ReadOne(yaml, file, from, e.End));
                        start = null;
                        break;
                }
            }
        }
        catch (YamlException e)
        {
            throw new StackFileException(file, e.Start.Line, e.Start.Column, $"not valid YAML: {e.Message.TrimEnd('.')}; fix the YAML syntax there");
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            var at = parser.Current?.Start;
            throw new StackFileException(file, at?.Line, at?.Column, "not valid YAML: the structure breaks off here; fix the YAML syntax there");
        }
        return documents;
    }

    private static JsonNode? ReadOne(string yaml, string file, Mark from, Mark to)
    {
        var text = yaml[(int)from.Index..(int)Math.Min(to.Index, yaml.Length)];
        try
        {
            return StackYaml.Read(text, file);
        }
        catch (StackFileException e)
        {
            // Lines counted from the document's start; give them in the whole file.
            var line = e.Line is { } l ? l + from.Line - 1 : (long?)null;
            var column = e.Line == 1 && e.Column is { } c ? c + from.Column - 1 : e.Column;
            throw new StackFileException(file, line, column, e.Reason);
        }
    }
}
