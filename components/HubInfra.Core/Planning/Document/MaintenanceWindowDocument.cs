namespace HubInfra.Core.Planning.Document;

/// <summary>
/// The cluster's maintenance window: as configured (local zone, start, end, days) and as GKE receives it (a UTC
/// recurrence with its first opening); <see cref="Local"/> says where daylight saving time moves it.
/// </summary>
public sealed record MaintenanceWindowDocument(
    string TimeZone,
    string LocalStart,
    string LocalEnd,
    IReadOnlyList<string> Days,
    string RecurrenceUtc,
    string StartTimeUtc,
    string EndTimeUtc,
    string Local);
