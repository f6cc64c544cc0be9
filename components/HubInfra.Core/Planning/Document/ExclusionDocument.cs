using System.Text.Json.Serialization;

namespace HubInfra.Core.Planning.Document;

/// <summary>A maintenance exclusion: GKE does not upgrade the cluster from start to end within its scope.</summary>
public sealed record ExclusionDocument(string Name, string Start, string End, string Scope)
{
    /// <summary>Where a cluster's exclusion comes from: <c>stack file</c> or <c>event NAME</c> (left out in an event's plan).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Source { get; init; }
}
