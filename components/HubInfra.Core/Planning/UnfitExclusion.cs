using HubInfra.Core.Schedule;

namespace HubInfra.Core.Planning;

/// <summary>
/// An exclusion event <see cref="Event"/> needs that the cluster does not get: <see cref="Reason"/> says which of GKE's
/// rules it would break with the others, or (when <see cref="Waiting"/>) from which day GKE accepts it.
/// </summary>
public sealed record UnfitExclusion(string Event, MaintenanceExclusion Exclusion, string Reason, bool Waiting);
