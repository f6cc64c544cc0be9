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

    /// <summary>Problems of the file's layout: keys that look like ours but are not, no <c>config:</c> (see <see cref="StackFileLayout"/>).</summary>
    public IReadOnlyList<Problem> LayoutProblems { get; init; } = [];

    /// <summary>The <c>hubinfra:</c> keys that a look-alike key was probably meant to be (not asked for again as missing).</summary>
    public IReadOnlySet<string> MisspelledKeys { get; init; } = new HashSet<string>();

    /// <summary>False when the file has no usable <c>config:</c> mapping: then only its layout problems are reported.</summary>
    public bool HasConfig { get; init; } = true;

    public JsonNode? this[string key] => Values.TryGetValue(key, out var v) ? v : null;
}
