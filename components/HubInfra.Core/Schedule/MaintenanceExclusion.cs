using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>A period [Start, End) in which GKE must not upgrade the cluster, within <see cref="Scope"/>.</summary>
public sealed record MaintenanceExclusion(string Name, Instant Start, Instant End, ExclusionScope Scope = ExclusionScope.NoUpgrades);
