namespace HubInfra.Core.Schedule;

/// <summary>The maintenance exclusions an event needs, and notes on what was split or merged to get there.</summary>
public sealed record MaintenanceExclusionPlan(IReadOnlyList<MaintenanceExclusion> Exclusions, IReadOnlyList<string> Notes);
