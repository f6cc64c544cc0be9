namespace HubInfra.Core.Planning.Document;

/// <summary>A hub as it will be deployed: namespace, Helm release, address, and seats per profile.</summary>
public sealed record HubDocument(
    string Name,
    string Namespace,
    string Url,
    HelmReleaseDocument HelmRelease,
    string? StaticIp,
    string StorageClass,
    bool Protect,
    IReadOnlyList<SeatsDocument> Seats);

/// <summary>The z2jh Helm release: its name, chart, repository and version.</summary>
public sealed record HelmReleaseDocument(string Name, string Chart, string Repository, string Version);

/// <summary>How many users of a profile a node of its pool seats, and at most in all.</summary>
public sealed record SeatsDocument(string Profile, string NodePool, string MachineType, int SeatsPerNode, int MaxUsers);
