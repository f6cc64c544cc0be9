using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Tests.Schedule;

public class EventCalendarTests
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly IsoDayOfWeek[] Weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    private static DatedWindow Window(int y, int mo, int d, int h1, int h2, int? attendees = null, int endDayOffset = 0) =>
        new(new LocalDateTime(y, mo, d, h1, 0), new LocalDate(y, mo, d).PlusDays(endDayOffset) + new LocalTime(h2, 0), attendees);

    [Fact]
    public void Spring_forward_day_keeps_clock_hours_and_shifts_utc()
    {
        var result = EventCalendar.Expand(LosAngeles, [Window(2026, 3, 7, 9, 17), Window(2026, 3, 8, 9, 17)], [], 10);
        Assert.Empty(result.Problems);
        Assert.Equal(Instant.FromUtc(2026, 3, 7, 17, 0), result.Windows[0].StartInstant); // PST, UTC−8
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 16, 0), result.Windows[1].StartInstant); // PDT, UTC−7
        Assert.Equal(Duration.FromHours(8), result.Windows[1].Length);
    }

    [Fact]
    public void A_window_across_the_fall_back_hour_is_an_hour_longer_in_real_time()
    {
        var result = EventCalendar.Expand(LosAngeles, [Window(2026, 10, 31, 22, 6, endDayOffset: 1)], [], 10);
        Assert.Equal(Duration.FromHours(9), Assert.Single(result.Windows).Length); // 22:00 PDT → 06:00 PST
    }

    [Fact]
    public void A_daily_range_that_ends_before_it_starts_crosses_midnight()
    {
        var range = new DailyRange(new LocalDate(2027, 2, 1), new LocalDate(2027, 2, 1), new LocalTime(22, 0), new LocalTime(2, 0), Weekdays);
        var w = Assert.Single(EventCalendar.Expand(Berlin, [], [range], 10).Windows);
        Assert.Equal(new LocalDateTime(2027, 2, 2, 2, 0), w.End.LocalDateTime);
        Assert.Equal(Duration.FromHours(4), w.Length);
    }

    [Fact]
    public void A_daily_range_across_new_year_counts_only_listed_weekdays()
    {
        var range = new DailyRange(new LocalDate(2026, 12, 28), new LocalDate(2027, 1, 8), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays);
        var windows = EventCalendar.Expand(Berlin, [], [range], 10).Windows;
        Assert.Equal(10, windows.Count);
        Assert.Contains(windows, w => w.Start.Date == new LocalDate(2027, 1, 4));
        Assert.DoesNotContain(windows, w => w.Start.Date == new LocalDate(2027, 1, 2)); // a Saturday
    }

    [Fact]
    public void A_daily_range_across_a_month_end_continues_into_the_next_month()
    {
        var range = new DailyRange(new LocalDate(2027, 6, 28), new LocalDate(2027, 7, 2), new LocalTime(9, 0), new LocalTime(12, 0), Weekdays);
        var windows = EventCalendar.Expand(Berlin, [], [range], 10).Windows;
        Assert.Equal([28, 29, 30, 1, 2], windows.Select(w => w.Start.Day));
    }

    [Fact]
    public void The_same_local_hours_in_two_zones_are_different_instants()
    {
        var berlin = EventCalendar.Expand(Berlin, [Window(2027, 7, 5, 9, 17)], [], 1).Windows[0];
        var la = EventCalendar.Expand(LosAngeles, [Window(2027, 7, 5, 9, 17)], [], 1).Windows[0];
        Assert.Equal(Duration.FromHours(9), la.StartInstant - berlin.StartInstant);
    }

    [Fact]
    public void Overlapping_windows_merge_when_they_agree_and_are_a_problem_when_they_do_not()
    {
        var agree = EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 9, 12, 20), Window(2027, 5, 1, 11, 15, 20)], [], 10);
        Assert.Empty(agree.Problems);
        var merged = Assert.Single(agree.Windows);
        Assert.Equal(15, merged.End.Hour);

        var disagree = EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 9, 12, 20), Window(2027, 5, 1, 11, 15, 30)], [], 10);
        var problem = Assert.Single(disagree.Problems);
        Assert.Equal("windows[1]", problem.Path);
        Assert.Contains("windows[0]", problem.Message);
    }

    [Fact]
    public void End_before_start_and_reversed_ranges_are_problems_at_their_paths()
    {
        var result = EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 12, 9)],
            [new DailyRange(new LocalDate(2027, 5, 9), new LocalDate(2027, 5, 1), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays),
             new DailyRange(new LocalDate(2027, 5, 1), new LocalDate(2027, 5, 2), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays)], 10);
        Assert.Equal(["windows[0].end", "daily[0].to", "daily[1].days"], result.Problems.Select(p => p.Path));
        Assert.Empty(result.Windows); // 2027-05-01 and 02 are a weekend
    }
}
