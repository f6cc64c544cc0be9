using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using HubInfra.Core.Config;

namespace HubInfra.Core.Crd;

/// <summary>
/// Checks objects against one CRD as the API server would on create: the version named in <c>apiVersion</c> must
/// be one the CRD serves (a deprecated one is accepted with a warning); <c>metadata</c> is an ObjectMeta (a name
/// that is a DNS subdomain; for a namespaced kind, a namespace); the rest is checked against that version's
/// structural schema (<see cref="StructuralSchemaCheck"/>) and then its <c>x-kubernetes-validations</c> rules
/// (<see cref="ValidationRules"/>), which the API server skips when the schema check found a type, required, enum or
/// size error (apiextensions-apiserver, pkg/registry/customresource/strategy.go, <c>hasBlockingErr</c>;
/// registry/customresource/validator.go validates metadata with <c>ValidateObjectMetaAccessor</c> and
/// <c>NameIsDNSSubdomain</c>).
/// </summary>
public sealed partial class CustomResourceCheck(CustomResourceDefinition crd)
{
    /// <summary>Told after the errors that stopped the rules from being evaluated, as the API server tells it.</summary>
    public const string RulesNotChecked =
        "some validation rules were not checked because the object has the errors above; fix them to complete the check";

    private static readonly HashSet<string> ObjectMetaFields = new(StringComparer.Ordinal)
    {
        "name", "generateName", "namespace", "labels", "annotations", "ownerReferences", "finalizers", "uid",
        "resourceVersion", "generation", "creationTimestamp", "deletionTimestamp", "deletionGracePeriodSeconds",
        "managedFields", "selfLink",
    };

    private readonly ValidationRules _rules = new();

    public CustomResourceDefinition Definition { get; } = crd;

    /// <summary>Schema keywords and formats of the served versions this tool does not evaluate (say so once).</summary>
    public IReadOnlyList<string> NotChecked { get; } =
        crd.Versions.Where(v => v.Served).SelectMany(v => StructuralSchemaCheck.UncheckedKeywords(v.Schema).Select(k => $"{v.Name}: {k}")).ToList();

    /// <summary>Whether <paramref name="document"/> is of the CRD's API group and kind (in any version).</summary>
    public bool Matches(JsonNode? document) =>
        document is JsonObject o && Text(o["kind"]) == Definition.Kind && GroupOf(Text(o["apiVersion"])) == Definition.Group;

    /// <summary>The API group of an object of the CRD's kind but another group (not checked; worth a warning), else null.</summary>
    public string? OtherGroup(JsonNode? document) =>
        document is JsonObject o && Text(o["kind"]) == Definition.Kind && GroupOf(Text(o["apiVersion"])) is var g && g != Definition.Group
            ? g ?? "" : null;

    /// <summary>How messages name an object: <c>namespace/name</c>, or the name, or <c>(no name)</c>.</summary>
    public static string NameOf(JsonNode? document)
    {
        var metadata = (document as JsonObject)?["metadata"] as JsonObject;
        var name = Text(metadata?["name"]);
        var ns = Text(metadata?["namespace"]);
        return string.IsNullOrEmpty(name) ? "(no name)" : string.IsNullOrEmpty(ns) ? name : $"{ns}/{name}";
    }

    /// <summary>Every problem of <paramref name="document"/> (left unchanged), warnings included.</summary>
    public IReadOnlyList<CrdFinding> Check(JsonObject document)
    {
        var findings = new List<CrdFinding>();
        var apiVersion = Text(document["apiVersion"]) ?? "";
        var versionName = apiVersion.Contains('/') ? apiVersion[(apiVersion.IndexOf('/') + 1)..] : "";
        var version = Definition.Version(versionName);
        var recommended = Definition.Recommended;
        var use = recommended is null ? "" : $"; set apiVersion: {Definition.Group}/{recommended.Name}";
        if (version is null || !version.Served)
        {
            var served = string.Join(", ", Definition.Versions.Where(v => v.Served).Select(v => v.Deprecated ? $"{v.Name} (deprecated)" : v.Name));
            findings.Add(new CrdFinding("apiVersion",
                $"{apiVersion} is not a version the {Definition.Kind} CRD serves (it serves {(served.Length == 0 ? "none" : served)}){use}"));
            return findings;
        }
        if (version.Deprecated)
            findings.Add(new CrdFinding("apiVersion",
                !string.IsNullOrEmpty(version.DeprecationWarning)
                    ? version.DeprecationWarning
                    : $"{apiVersion} {Definition.Kind} is deprecated{(recommended is null ? "" : $"; use {Definition.Group}/{recommended.Name} {Definition.Kind}")}",
                FindingKind.Warning));

        var copy = (JsonObject)document.DeepClone();
        findings.AddRange(CheckMetadata(copy["metadata"]));
        var schema = StructuralSchemaCheck.Run(copy, version.Schema);
        findings.AddRange(schema.Findings);
        if (findings.Any(f => f.Kind == FindingKind.Blocking))
        {
            if (StructuralSchemaCheck.HasRules(version.Schema)) findings.Add(new CrdFinding("", RulesNotChecked));
            return findings;
        }
        foreach (var site in schema.Sites)
            findings.AddRange(_rules.Evaluate(site.Path.Length == 0 ? AtRoot(site) : site));
        return findings;
    }

    /// <summary>
    /// A rule at the root sees, of the metadata, only <c>name</c> and <c>generateName</c> (Kubernetes docs,
    /// "Validation rules": the root's rules may select apiVersion, kind, metadata.name and metadata.generateName).
    /// </summary>
    private static RuleSite AtRoot(RuleSite site)
    {
        if (site.Value is not JsonObject root || root["metadata"] is not JsonObject meta) return site;
        var copy = (JsonObject)root.DeepClone();
        var visible = new JsonObject();
        foreach (var key in new[] { "name", "generateName" })
            if (meta[key] is { } value) visible[key] = value.DeepClone();
        copy["metadata"] = visible;
        return site with { Value = copy };
    }

    private IEnumerable<CrdFinding> CheckMetadata(JsonNode? metadata)
    {
        if (metadata is not JsonObject meta)
        {
            yield return new CrdFinding("metadata.name", "is required and missing; set metadata.name", FindingKind.Blocking);
            yield break;
        }
        foreach (var (key, _) in meta)
            if (!ObjectMetaFields.Contains(key))
                yield return new CrdFinding($"metadata.{key}", "unknown field: not part of an object's metadata, so the API server drops it; remove it or fix its name");
        var name = Text(meta["name"]);
        if (string.IsNullOrEmpty(name))
        {
            if (string.IsNullOrEmpty(Text(meta["generateName"])))
                yield return new CrdFinding("metadata.name", "is required and missing; set metadata.name", FindingKind.Blocking);
        }
        else if (name.Length > 253 || !DnsSubdomain().IsMatch(name))
            yield return new CrdFinding("metadata.name",
                $"'{name}' is not a DNS subdomain name (lowercase letters, digits, '-' and '.', starting and ending with a letter or digit, at most 253 characters); fix the name");
        var ns = Text(meta["namespace"]);
        if (!Definition.Namespaced && !string.IsNullOrEmpty(ns))
            yield return new CrdFinding("metadata.namespace", $"is set, but {Config.Article.With(Definition.Kind)} is cluster-scoped: remove the namespace");
        else if (Definition.Namespaced && string.IsNullOrEmpty(ns))
            yield return new CrdFinding("metadata.namespace", $"is missing; {Config.Article.With(Definition.Kind)} lives in a namespace: set the namespace it belongs in");
        else if (!string.IsNullOrEmpty(ns) && (ns.Length > 63 || !DnsLabel().IsMatch(ns)))
            yield return new CrdFinding("metadata.namespace",
                $"'{ns}' is not a DNS label (lowercase letters, digits and '-', starting and ending with a letter or digit, at most 63 characters); fix the namespace");
        foreach (var map in new[] { "labels", "annotations" })
            if (meta[map] is { } value && (value is not JsonObject o || o.Any(p => !StructuralSchemaCheck.IsString(p.Value))))
                yield return new CrdFinding($"metadata.{map}", $"must map names to strings; quote values such as \"true\" or \"3\"", FindingKind.Blocking);
    }

    private static string? GroupOf(string? apiVersion) =>
        apiVersion is null ? null : apiVersion.Contains('/') ? apiVersion[..apiVersion.IndexOf('/')] : "";

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$")]
    private static partial Regex DnsSubdomain();

    [GeneratedRegex(@"^[a-z0-9]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex DnsLabel();
}
