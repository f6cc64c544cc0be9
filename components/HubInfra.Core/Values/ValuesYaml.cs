using YamlDotNet.Serialization;

namespace HubInfra.Core.Values;

/// <summary>Writes value trees as YAML (secrets redacted) and JSON.</summary>
public static class ValuesYaml
{
    private static readonly ISerializer Serializer = new SerializerBuilder()
        .DisableAliases()
        .WithIndentedSequences()
        .Build();

    public static string Serialize(object? tree) => Serializer.Serialize(ValueTree.Redacted(tree));

    public static string Json(object? tree) =>
        System.Text.Json.JsonSerializer.Serialize(ValueTree.Redacted(tree), new System.Text.Json.JsonSerializerOptions { WriteIndented = true });
}
