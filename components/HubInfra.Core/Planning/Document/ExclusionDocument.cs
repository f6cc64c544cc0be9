namespace HubInfra.Core.Planning.Document;

/// <summary>A maintenance exclusion: GKE does not upgrade the cluster from start to end within its scope.</summary>
public sealed record ExclusionDocument(string Name, string Start, string End, string Scope);
