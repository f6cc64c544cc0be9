using NodaTime;

namespace HubInfra.Core.Model;

/// <summary>
/// <c>hubinfra:cluster.maintenanceWindow</c>: when GKE may upgrade the cluster, in local time of a named IANA zone —
/// from <see cref="Start"/> to <see cref="End"/> (the next day when End is not after Start), opening on
/// <see cref="Days"/>. Converted to GKE's UTC recurring window by <see cref="Schedule.GkeRecurringWindow"/>.
/// </summary>
/// <param name="FromRegion">True when the zone is the default, taken from the region's location (<see cref="GkeRegions"/>).</param>
public sealed record ClusterMaintenanceWindow(DateTimeZone Zone, LocalTime Start, LocalTime End, IReadOnlyList<IsoDayOfWeek> Days, bool FromRegion = false)
{
    /// <summary>The default: nightly, four hours from 01:00.</summary>
    public static readonly LocalTime DefaultStart = new(1, 0);

    public static readonly LocalTime DefaultEnd = new(5, 0);

    public static readonly IReadOnlyList<IsoDayOfWeek> EveryDay =
        [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];

    /// <summary>The default window in the region's time zone (UTC for a region not in <see cref="GkeRegions"/>).</summary>
    public static ClusterMaintenanceWindow DefaultFor(string region) =>
        new(GkeRegions.Find(region) is { } r ? DateTimeZoneProviders.Tzdb[r.TimeZone] : DateTimeZone.Utc, DefaultStart, DefaultEnd, EveryDay, FromRegion: true);

    /// <summary>How long each opening lasts (End on the next day when it is not after Start).</summary>
    public Duration Length => End > Start
        ? Period.Between(Start, End).ToDuration()
        : Duration.FromDays(1) - Period.Between(End, Start).ToDuration();
}
