using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace HubInfra.Core.Yaml;

/// <summary>Writes value trees as YAML (secrets redacted; multi-line strings such as scripts as literal blocks) and JSON.</summary>
public static class ValuesYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .WithIndentedSequences()
        .WithEventEmitter(next => new LiteralMultilineEmitter(next))
        .Build();

    public static string Serialize(object? tree) => Serializer.Serialize(ValueTree.Redacted(tree));

    public static string Json(object? tree) =>
        System.Text.Json.JsonSerializer.Serialize(ValueTree.Redacted(tree), new System.Text.Json.JsonSerializerOptions { WriteIndented = true });

    /// <summary>Strings a YAML 1.1 reader (Helm's) would take for a date, number or boolean: quote them.</summary>
    private static bool LooksTyped(string s) =>
        s.Length > 0 && (char.IsAsciiDigit(s[0]) || s[0] is '.' or '-' or '+') && s.All(c => char.IsAsciiDigit(c) || c is '-' or ':' or '.' or 'T' or 'Z' or '+' or 'e' or 'E')
        || s.ToLowerInvariant() is "y" or "n" or "yes" or "no" or "on" or "off" or "true" or "false" or "null" or "~";

    private sealed class LiteralMultilineEmitter(IEventEmitter next) : ChainedEventEmitter(next)
    {
        public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
        {
            if (eventInfo.Source.Value is string s && eventInfo.Source.Type == typeof(string))
            {
                if (s.Contains('\n'))
                    eventInfo.Style = ScalarStyle.Literal;
                else if (LooksTyped(s))
                    eventInfo.Style = ScalarStyle.DoubleQuoted;
            }
            base.Emit(eventInfo, emitter);
        }
    }
}
