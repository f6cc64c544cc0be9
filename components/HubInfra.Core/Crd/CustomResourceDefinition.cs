using System.Text.Json.Nodes;

namespace HubInfra.Core.Crd;

/// <summary>One version of a CRD: whether the API server serves it, whether it is deprecated, and its schema.</summary>
public sealed record CrdVersion(string Name, bool Served, bool Deprecated, string? DeprecationWarning, bool Storage, JsonObject Schema);

/// <summary>
/// The parts of an <c>apiextensions.k8s.io/v1</c> CustomResourceDefinition that decide whether an object of its kind
/// is accepted: the API group, the kind, the scope and, per version, <c>served</c>, <c>deprecated</c> and the
/// <c>openAPIV3Schema</c> (a structural schema with its <c>x-kubernetes-validations</c> rules).
/// </summary>
public sealed class CustomResourceDefinition
{
    private CustomResourceDefinition(string group, string kind, bool namespaced, IReadOnlyList<CrdVersion> versions)
    {
        Group = group;
        Kind = kind;
        Namespaced = namespaced;
        Versions = versions;
    }

    public string Group { get; }
    public string Kind { get; }
    public bool Namespaced { get; }
    public IReadOnlyList<CrdVersion> Versions { get; }

    public CrdVersion? Version(string name) => Versions.FirstOrDefault(v => v.Name == name);

    /// <summary>
    /// The version to recommend instead of a deprecated one: the storage version when it is served and not
    /// deprecated, else the last served version that is not deprecated.
    /// </summary>
    public CrdVersion? Recommended =>
        Versions.FirstOrDefault(v => v.Storage && v.Served && !v.Deprecated) ?? Versions.LastOrDefault(v => v.Served && !v.Deprecated);

    /// <summary>Reads a CRD document; every problem found is listed (then the result is null).</summary>
    public static CustomResourceDefinition? Read(JsonNode? document, out IReadOnlyList<string> problems)
    {
        var found = new List<string>();
        problems = found;
        if (document is not JsonObject root)
        {
            found.Add("is not a CustomResourceDefinition (a YAML mapping with apiVersion, kind and spec); give the CRD's YAML file");
            return null;
        }
        if (Text(root["apiVersion"]) != "apiextensions.k8s.io/v1" || Text(root["kind"]) != "CustomResourceDefinition")
            found.Add($"apiVersion/kind are '{Text(root["apiVersion"])}'/'{Text(root["kind"])}', not apiextensions.k8s.io/v1 CustomResourceDefinition; give the CRD's YAML file");
        var spec = root["spec"] as JsonObject;
        var group = Text(spec?["group"]);
        var kind = Text((spec?["names"] as JsonObject)?["kind"]);
        if (string.IsNullOrEmpty(group)) found.Add("spec.group is missing; give a complete CRD");
        if (string.IsNullOrEmpty(kind)) found.Add("spec.names.kind is missing; give a complete CRD");
        var versions = new List<CrdVersion>();
        if (spec?["versions"] is not JsonArray list || list.Count == 0)
            found.Add("spec.versions is missing or empty; give a complete CRD");
        else
        {
            for (var i = 0; i < list.Count; i++)
            {
                var v = list[i] as JsonObject;
                var name = Text(v?["name"]);
                if (v is null || string.IsNullOrEmpty(name))
                {
                    found.Add($"spec.versions[{i}].name is missing; give a complete CRD");
                    continue;
                }
                if ((v["schema"] as JsonObject)?["openAPIV3Schema"] is not JsonObject schema)
                {
                    found.Add($"spec.versions[{i}] ({name}) has no schema.openAPIV3Schema; give a CRD with a schema for every version");
                    continue;
                }
                versions.Add(new CrdVersion(name, Flag(v["served"]), Flag(v["deprecated"]), Text(v["deprecationWarning"]), Flag(v["storage"]), schema));
            }
        }
        if (found.Count > 0) return null;
        return new CustomResourceDefinition(group!, kind!, Text(spec!["scope"]) != "Cluster", versions);
    }

    private static string? Text(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static bool Flag(JsonNode? node) =>
        node is JsonValue v && v.TryGetValue<bool>(out var b) && b;
}
