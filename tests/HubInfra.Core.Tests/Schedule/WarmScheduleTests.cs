using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Tests.Schedule;

public class WarmScheduleTests
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];

    private static IReadOnlyList<EventWindow> Days(LocalDate from, LocalDate to, int attendees = 10)
    {
        IsoDayOfWeek[] weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];
        return EventCalendar.Expand(LosAngeles, [], [new DailyRange(from, to, new LocalTime(9, 0), new LocalTime(17, 0), weekdays)], attendees).Windows;
    }

    [Fact]
    public void Lead_and_grace_widen_each_window_and_touching_windows_merge()
    {
        var windows = EventCalendar.Expand(LosAngeles,
            [new DatedWindow(new LocalDateTime(2027, 7, 6, 9, 0), new LocalDateTime(2027, 7, 6, 12, 0), 30),
             new DatedWindow(new LocalDateTime(2027, 7, 6, 12, 30), new LocalDateTime(2027, 7, 6, 16, 0), 50)], [], 10).Windows;
        var warm = Assert.Single(WarmSchedule.Build(windows, Duration.FromMinutes(30), Duration.FromMinutes(15)));
        Assert.Equal(Instant.FromUtc(2027, 7, 6, 15, 30), warm.WarmFrom); // 08:30 PDT
        Assert.Equal(Instant.FromUtc(2027, 7, 6, 23, 15), warm.CoolAt); // 16:15 PDT
        Assert.Equal(50, warm.Attendees);
        Assert.Equal(2, warm.Covers.Count);
    }

    [Fact]
    public void Cron_entries_are_local_to_the_event_zone_and_guarded_by_absolute_bounds()
    {
        var window = Days(new LocalDate(2027, 7, 6), new LocalDate(2027, 7, 6))[0];
        var warm = WarmSchedule.Build([window], Duration.FromMinutes(30), Duration.FromMinutes(15))[0];
        var crons = CronSchedules.ForWarmWindow(warm, LosAngeles);
        Assert.Equal("30 8 6 7 *", crons[0].Schedule);
        Assert.Equal("15 17 6 7 *", crons[1].Schedule);
        Assert.All(crons, c => Assert.Equal("America/Los_Angeles", c.TimeZone));
        var guard = CronSchedules.ActiveBetweenGuard(warm.WarmFrom, warm.CoolAt);
        Assert.Contains($"-lt {warm.WarmFrom.ToUnixTimeSeconds() - 60}", guard);
        Assert.Contains($"-gt {warm.CoolAt.ToUnixTimeSeconds() + 60}", guard);
    }

    [Fact]
    public void Two_weeks_of_weekdays_need_two_exclusions_with_a_48_hour_merge_gap()
    {
        var warm = WarmSchedule.Build(Days(new LocalDate(2027, 7, 5), new LocalDate(2027, 7, 16)), Duration.FromMinutes(30), Duration.FromMinutes(15));
        Assert.Equal(10, warm.Count);
        var plan = MaintenanceExclusions.Plan("school", warm, Duration.FromHours(48));
        Assert.Equal(["school-1", "school-2"], plan.Exclusions.Select(e => e.Name));
        Assert.All(warm, w => Assert.True(MaintenanceExclusions.Covers(plan.Exclusions.Select(e => (e.Start, e.End)).ToList(), w)));
    }

    [Fact]
    public void More_windows_than_gke_allows_are_merged_down_to_the_cap_and_say_so()
    {
        var windows = Enumerable.Range(0, 25)
            .Select(i => new DatedWindow(new LocalDateTime(2027, 1, 1, 9, 0).PlusDays(i * 7), new LocalDateTime(2027, 1, 1, 17, 0).PlusDays(i * 7)))
            .ToList();
        var warm = WarmSchedule.Build(EventCalendar.Expand(LosAngeles, windows, [], 5).Windows, Duration.Zero, Duration.Zero);
        var plan = MaintenanceExclusions.Plan("weekly", warm, Duration.FromHours(48));
        Assert.Equal(MaintenanceExclusions.GkeMaxExclusions, plan.Exclusions.Count);
        Assert.Contains(plan.Notes, n => n.Contains("5 pair(s)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exclusion_longer_than_thirty_days_is_split()
    {
        var start = Instant.FromUtc(2027, 1, 1, 0, 0);
        var warm = new WarmWindow(start, start + Duration.FromDays(40), 10, []);
        var plan = MaintenanceExclusions.Plan("long", [warm], Duration.FromHours(48));
        Assert.Equal(2, plan.Exclusions.Count);
        Assert.Equal(start + Duration.FromDays(30), plan.Exclusions[0].End);
        Assert.Single(plan.Notes);
    }
}
