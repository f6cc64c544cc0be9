using System.Text.Json.Nodes;

namespace HubInfra.Core.Config;

/// <summary>
/// The untyped config of one stack: the values of the <c>hubinfra:*</c> keys as JSON trees. The Pulumi program
/// fills it from Pulumi config; the offline CLI from the stack's YAML file. A secure value is an object
/// <c>{"secure": ...}</c> (offline: the ciphertext; in the program: the decrypted value).
/// </summary>
public sealed record RawConfig(string StackName, IReadOnlyDictionary<string, JsonNode?> Values)
{
    /// <summary>Keys outside the hubinfra namespace (gcp:project, kubernetes:context, ...), as plain strings.</summary>
    public IReadOnlyDictionary<string, string> Foreign { get; init; } = new Dictionary<string, string>();

    public JsonNode? this[string key] => Values.TryGetValue(key, out var v) ? v : null;
}
