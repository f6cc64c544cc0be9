namespace HubInfra.Core.Crd;

/// <summary>How a <see cref="CrdFinding"/> counts.</summary>
public enum FindingKind
{
    /// <summary>The API server would refuse the object (or silently drop part of it).</summary>
    Error,

    /// <summary>
    /// An error of the kinds that stop the API server from evaluating the CRD's validation rules (wrong type,
    /// required field missing, value not in the enum, too long, too many items): apiextensions-apiserver,
    /// pkg/registry/customresource/strategy.go, <c>hasBlockingErr</c>.
    /// </summary>
    Blocking,

    /// <summary>Accepted by the API server, with a warning (e.g. a deprecated version).</summary>
    Warning,
}

/// <summary>One problem of one object: the JSON path it is about (<c>spec.replicas</c>) and what is wrong.</summary>
public sealed record CrdFinding(string Path, string Message, FindingKind Kind = FindingKind.Error)
{
    public bool IsError => Kind != FindingKind.Warning;

    public override string ToString() =>
        (Path.Length == 0 ? "" : Path + ": ") + (Kind == FindingKind.Warning ? "warning: " : "") + Message;
}
