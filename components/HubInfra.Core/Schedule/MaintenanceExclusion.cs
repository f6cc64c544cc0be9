using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>A period in which GKE must not upgrade the cluster (a "no upgrades" maintenance exclusion), [Start, End).</summary>
public sealed record MaintenanceExclusion(string Name, Instant Start, Instant End);
