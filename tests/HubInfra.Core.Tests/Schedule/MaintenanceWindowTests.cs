using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Schedule;
using NodaTime;
using HubInfra.Core.Stacks;

namespace HubInfra.Core.Tests.Schedule;

/// <summary>The cluster's maintenance window: local night in a named zone, sent to GKE as a UTC RRULE, held to GKE's rules.</summary>
public class MaintenanceWindowTests
{
    private static LoadedStack Community(string region, string cluster = "") =>
        TestStacks.Inline(TestStacks.Community.Replace("hubinfra:region: us-central1", $"hubinfra:region: {region}") + "\n" + cluster);

    private static HubInfra.Core.Planning.Document.MaintenanceWindowDocument WindowDoc(LoadedStack loaded) =>
        PlanDocument.Community(CommunityPlan.From(loaded.Community!)).Cluster!.MaintenanceWindow;

    [Fact]
    public void A_sydney_cluster_is_maintained_at_night_in_sydney_not_in_the_afternoon()
    {
        var loaded = Community("australia-southeast1");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var doc = WindowDoc(loaded);
        Assert.Equal("Australia/Sydney", doc.TimeZone);
        Assert.Equal("01:00", doc.LocalStart);
        Assert.Equal("05:00", doc.LocalEnd);
        Assert.Equal("FREQ=DAILY", doc.RecurrenceUtc);
        // 01:00 at UTC+10 (AEST) is 15:00 UTC the day before; in summer (AEDT, UTC+11) that is 02:00 local.
        Assert.Equal("2026-01-01T15:00:00Z", doc.StartTimeUtc);
        Assert.Equal("2026-01-01T19:00:00Z", doc.EndTimeUtc);
        Assert.Equal("01:00–05:00 (02:00–06:00 in daylight saving time)", doc.Local);
        var window = GkeRecurringWindow.From(loaded.Community!.Cluster.MaintenanceWindow);
        var zone = DateTimeZoneProviders.Tzdb["Australia/Sydney"];
        foreach (var open in window.Openings(Instant.FromUtc(2027, 1, 1, 0, 0), Instant.FromUtc(2028, 1, 1, 0, 0)))
        {
            var local = open.InZone(zone).TimeOfDay;
            Assert.True(local >= new LocalTime(1, 0) && local <= new LocalTime(2, 0), $"opens at {local} local on {open}");
        }
    }

    [Fact]
    public void Weekly_days_are_local_days_turned_into_utc_days()
    {
        var loaded = Community("australia-southeast1", "  hubinfra:cluster: { maintenanceWindow: { days: [Mon, Sat, Sun] } }\n");
        var doc = WindowDoc(loaded);
        // Monday 01:00 in Sydney opens on Sunday in UTC.
        Assert.Equal("FREQ=WEEKLY;BYDAY=FR,SA,SU", doc.RecurrenceUtc);
        Assert.Equal(["Mon", "Sat", "Sun"], doc.Days);
    }

    [Fact]
    public void A_late_evening_west_of_utc_opens_on_the_next_utc_day()
    {
        // Friday 22:00 in Los Angeles (PST, UTC-8) is Saturday 06:00 UTC.
        var doc = WindowDoc(Community("us-west2", "  hubinfra:cluster: { maintenanceWindow: { start: \"22:00\", end: \"02:00\", days: [Fri, Sat] } }\n"));
        Assert.Equal("America/Los_Angeles", doc.TimeZone);
        Assert.Equal("FREQ=WEEKLY;BYDAY=SA,SU", doc.RecurrenceUtc);
        Assert.Equal("2026-01-03T06:00:00Z", doc.StartTimeUtc);
        Assert.Equal("22:00–02:00 (23:00–03:00 in daylight saving time)", doc.Local);
    }

    [Fact]
    public void A_named_zone_and_hours_replace_the_regions_default()
    {
        var loaded = Community("us-central1", "  hubinfra:cluster: { maintenanceWindow: { timeZone: Europe/Berlin, start: \"22:00\", end: \"03:00\" } }\n");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var doc = WindowDoc(loaded);
        Assert.Equal("Europe/Berlin", doc.TimeZone);
        Assert.Equal("2026-01-01T21:00:00Z", doc.StartTimeUtc);
        Assert.Equal("2026-01-02T02:00:00Z", doc.EndTimeUtc);
    }

    [Theory]
    [InlineData("{ start: \"01:00\", end: \"03:00\" }", "hubinfra:cluster.maintenanceWindow.end", "stretches of 4 hours")]
    [InlineData("{ days: [Sun] }", "hubinfra:cluster.maintenanceWindow.days", "requires at least 48")]
    [InlineData("{ timeZone: Sydney }", "hubinfra:cluster.maintenanceWindow.timeZone", "not an IANA time zone")]
    [InlineData("{ start: \"1am\" }", "hubinfra:cluster.maintenanceWindow.start", "not a time of day")]
    [InlineData("{ days: [Funday] }", "hubinfra:cluster.maintenanceWindow.days[0]", "not a weekday")]
    public void A_window_gke_would_refuse_is_an_error_at_its_key(string window, string key, string says)
    {
        var loaded = Community("europe-west4", $"  hubinfra:cluster: {{ maintenanceWindow: {window} }}\n");
        Assert.Contains(loaded.Errors, p => p.Key == key && p.Message.Contains(says, StringComparison.Ordinal));
    }

    [Fact]
    public void Exclusions_are_checked_against_the_window_the_cluster_has()
    {
        // Three weekly nights leave less than 48 hours in 32 days beside a 16-day exclusion; every night leaves enough.
        var exclusion = "maintenanceExclusions: [ { name: course, start: \"2027-03-01T00:00:00Z\", end: \"2027-03-17T00:00:00Z\" } ]";
        var daily = Community("europe-west4", $"  hubinfra:cluster: {{ {exclusion} }}\n");
        Assert.False(daily.HasErrors, string.Join("\n", daily.Errors));
        var weekly = Community("europe-west4", $"  hubinfra:cluster: {{ maintenanceWindow: {{ days: [Mon, Wed, Fri, Sat] }}, {exclusion} }}\n");
        Assert.Contains(weekly.Errors, p => p.Key == "hubinfra:cluster.maintenanceExclusions[0]" && p.Message.Contains("maintenance availability", StringComparison.Ordinal));
    }

    [Fact]
    public void A_region_outside_the_table_gets_a_utc_window_and_a_warning()
    {
        var loaded = Community("mars-north1");
        Assert.Contains(loaded.Problems, p => p.Key == "hubinfra:cluster.maintenanceWindow" && p.Severity == HubInfra.Core.Config.Severity.Warning && p.Message.Contains("UTC", StringComparison.Ordinal));
        Assert.Equal("UTC", WindowDoc(loaded).TimeZone);
    }

    [Fact]
    public void Every_region_has_a_zone_the_time_zone_database_knows()
    {
        Assert.All(GkeRegions.All, r => Assert.NotNull(DateTimeZoneProviders.Tzdb.GetZoneOrNull(r.TimeZone)));
        Assert.Equal(GkeRegions.All.Count, GkeRegions.All.Select(r => r.Name).Distinct().Count());
    }
}
