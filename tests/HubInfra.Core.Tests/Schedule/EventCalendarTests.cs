using HubInfra.Core.Schedule;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Tests.Schedule;

public class EventCalendarTests
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];
    private static readonly IsoDayOfWeek[] Weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];

    private static DatedWindow Window(int y, int mo, int d, int h1, int h2, int? attendees = null, int endDayOffset = 0) =>
        new(new LocalDateTime(y, mo, d, h1, 0), new LocalDate(y, mo, d).PlusDays(endDayOffset) + new LocalTime(h2, 0), attendees);

    private static readonly LocalDateTimePattern Iso = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    private static DatedWindow Window(string start, string end, int? attendees = null) =>
        new(Iso.Parse(start).Value, Iso.Parse(end).Value, attendees);

    [Fact]
    public void Spring_forward_day_keeps_clock_hours_and_shifts_utc()
    {
        var result = EventCalendar.Expand(LosAngeles, [Window(2026, 3, 7, 9, 17), Window(2026, 3, 8, 9, 17)], [], 10);
        Assert.Empty(result.Problems);
        var (saturday, sunday) = (result.Windows[0], result.Windows[1]);
        Assert.Equal(Instant.FromUtc(2026, 3, 7, 17, 0), saturday.StartInstant); // PST, UTC−8
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 16, 0), sunday.StartInstant); // PDT, UTC−7
        Assert.Equal(Instant.FromUtc(2026, 3, 9, 0, 0), sunday.EndInstant);
        Assert.Equal(new LocalDateTime(2026, 3, 8, 9, 0), sunday.Start.LocalDateTime);
        Assert.Equal(Duration.FromHours(8), saturday.Length);
        Assert.Equal(Duration.FromHours(8), sunday.Length);
        Assert.Equal(["windows[0]", "windows[1]"], result.Windows.Select(w => w.Source));
    }

    [Fact]
    public void Across_the_spring_forward_gap_a_window_is_an_hour_shorter()
    {
        var across = Assert.Single(EventCalendar.Expand(LosAngeles, [Window(2026, 3, 8, 1, 5)], [], 10).Windows);
        Assert.Equal(Duration.FromHours(3), across.Length); // 01:00 PST → 05:00 PDT
    }

    [Fact]
    public void A_time_in_the_spring_forward_gap_is_an_error_with_the_valid_choices_never_a_silent_shift()
    {
        var result = EventCalendar.Expand(LosAngeles, [Window("2026-03-08T02:30", "2026-03-08T04:00")], [], 10);
        Assert.Empty(result.Windows);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("windows[0].start", problem.Path);
        Assert.Contains("2026-03-08T02:30 does not exist in America/Los_Angeles", problem.Message);
        Assert.Contains("choose 01:59 or earlier, or 03:00 or later", problem.Message);
    }

    [Fact]
    public void A_daily_time_in_the_gap_is_an_error_for_that_date()
    {
        var range = new DailyRange(new LocalDate(2027, 3, 26), new LocalDate(2027, 3, 29), new LocalTime(2, 30), new LocalTime(5, 0),
            [IsoDayOfWeek.Friday, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday, IsoDayOfWeek.Monday]);
        var result = EventCalendar.Expand(Berlin, [], [range], 10);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("daily[0].start", problem.Path);
        Assert.Contains("start on 2027-03-28", problem.Message);
        Assert.Equal(3, result.Windows.Count);
    }

    [Fact]
    public void Fall_back_day_keeps_clock_hours_and_shifts_utc_the_other_way()
    {
        var result = EventCalendar.Expand(LosAngeles, [Window(2026, 10, 31, 9, 17), Window(2026, 11, 1, 9, 17)], [], 10);
        Assert.Equal(Instant.FromUtc(2026, 10, 31, 16, 0), result.Windows[0].StartInstant); // PDT, UTC−7
        Assert.Equal(Instant.FromUtc(2026, 11, 1, 17, 0), result.Windows[1].StartInstant); // PST, UTC−8
        Assert.Equal(Duration.FromHours(8), result.Windows[1].Length);
    }

    [Fact]
    public void A_window_across_the_fall_back_hour_is_an_hour_longer_and_an_ambiguous_start_is_an_error()
    {
        var overnight = Assert.Single(EventCalendar.Expand(LosAngeles, [Window(2026, 10, 31, 22, 6, endDayOffset: 1)], [], 10).Windows);
        Assert.Equal(Duration.FromHours(9), overnight.Length); // 22:00 PDT → 06:00 PST
        var early = Assert.Single(EventCalendar.Expand(LosAngeles, [Window(2026, 11, 1, 0, 6)], [], 10).Windows);
        Assert.Equal(Duration.FromHours(7), early.Length);

        var ambiguous = EventCalendar.Expand(LosAngeles, [Window("2026-11-01T01:30", "2026-11-01T03:00")], [], 10);
        Assert.Empty(ambiguous.Windows);
        var problem = Assert.Single(ambiguous.Problems);
        Assert.Equal("windows[0].start", problem.Path);
        Assert.Contains("occurs twice in America/Los_Angeles (at UTC-07 and at UTC-08)", problem.Message);
        Assert.Contains("choose a time before 01:00 or from 02:00 on", problem.Message);
    }

    [Fact]
    public void A_dated_window_may_cross_midnight()
    {
        var w = Assert.Single(EventCalendar.Expand(LosAngeles, [Window(2026, 7, 6, 22, 2, endDayOffset: 1)], [], 10).Windows);
        Assert.Equal(Instant.FromUtc(2026, 7, 7, 5, 0), w.StartInstant);
        Assert.Equal(Instant.FromUtc(2026, 7, 7, 9, 0), w.EndInstant);
        Assert.Equal(new LocalDate(2026, 7, 7), w.End.Date);
        Assert.Equal(Duration.FromHours(4), w.Length);
    }

    [Fact]
    public void A_daily_range_that_ends_before_it_starts_crosses_midnight()
    {
        var range = new DailyRange(new LocalDate(2027, 2, 1), new LocalDate(2027, 2, 3), new LocalTime(22, 0), new LocalTime(2, 0), Weekdays);
        var windows = EventCalendar.Expand(Berlin, [], [range], 10).Windows;
        Assert.Equal(3, windows.Count);
        Assert.All(windows, w => Assert.Equal(Duration.FromHours(4), w.Length));
        Assert.Equal(new LocalDateTime(2027, 2, 4, 2, 0), windows[2].End.LocalDateTime);
        Assert.Equal(Instant.FromUtc(2027, 2, 1, 21, 0), windows[0].StartInstant); // CET, UTC+1
    }

    [Fact]
    public void A_midnight_crossing_on_the_last_of_the_month_ends_in_the_next_month()
    {
        var range = new DailyRange(new LocalDate(2026, 7, 31), new LocalDate(2026, 7, 31), new LocalTime(22, 0), new LocalTime(2, 0), Weekdays);
        var w = Assert.Single(EventCalendar.Expand(LosAngeles, [], [range], 10).Windows);
        Assert.Equal(new LocalDateTime(2026, 8, 1, 2, 0), w.End.LocalDateTime);
        Assert.Equal("daily[0] 2026-07-31", w.Source);
    }

    [Fact]
    public void A_daily_range_across_new_year_counts_only_listed_weekdays()
    {
        var range = new DailyRange(new LocalDate(2026, 12, 28), new LocalDate(2027, 1, 8), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays);
        var result = EventCalendar.Expand(Berlin, [], [range], 10);
        Assert.Empty(result.Problems);
        var windows = result.Windows;
        Assert.Equal(10, windows.Count);
        Assert.Equal(
            ["2026-12-28", "2026-12-29", "2026-12-30", "2026-12-31", "2027-01-01", "2027-01-04", "2027-01-05", "2027-01-06", "2027-01-07", "2027-01-08"],
            windows.Select(w => w.Start.Date.ToString("uuuu-MM-dd", null)));
        Assert.Equal("daily[0] 2027-01-08", windows[^1].Source);
        Assert.All(windows, w => Assert.Equal(10, w.Attendees));
    }

    [Fact]
    public void A_daily_range_across_a_month_end_continues_into_the_next_month()
    {
        var range = new DailyRange(new LocalDate(2027, 6, 28), new LocalDate(2027, 7, 2), new LocalTime(9, 0), new LocalTime(12, 0), Weekdays, 40);
        var windows = EventCalendar.Expand(Berlin, [], [range], 10).Windows;
        Assert.Equal([28, 29, 30, 1, 2], windows.Select(w => w.Start.Day));
        Assert.Equal([6, 6, 6, 7, 7], windows.Select(w => w.Start.Month));
        Assert.All(windows, w => Assert.Equal(40, w.Attendees));
    }

    [Theory]
    [InlineData(2027, 7, 5, 9)] // CEST (UTC+2) vs PDT (UTC−7)
    [InlineData(2027, 1, 11, 9)] // CET (UTC+1) vs PST (UTC−8)
    [InlineData(2027, 3, 22, 8)] // US already on summer time (since 14 March), Europe not yet (28 March)
    [InlineData(2027, 11, 1, 8)] // Europe back on winter time (31 October), US not yet (7 November)
    public void The_same_local_hours_in_two_zones_are_different_instants(int y, int m, int d, int hoursApart)
    {
        var berlin = EventCalendar.Expand(Berlin, [Window(y, m, d, 9, 17)], [], 1).Windows[0];
        var la = EventCalendar.Expand(LosAngeles, [Window(y, m, d, 9, 17)], [], 1).Windows[0];
        Assert.Equal(Duration.FromHours(hoursApart), la.StartInstant - berlin.StartInstant);
        Assert.Equal(berlin.Start.LocalDateTime, la.Start.LocalDateTime);
    }

    [Fact]
    public void Overlapping_windows_merge_when_they_agree()
    {
        var agree = EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 9, 12, 20), Window(2027, 5, 1, 11, 15, 20)], [], 10);
        Assert.Empty(agree.Problems);
        var merged = Assert.Single(agree.Windows);
        Assert.Equal(new LocalDateTime(2027, 5, 1, 9, 0), merged.Start.LocalDateTime);
        Assert.Equal(new LocalDateTime(2027, 5, 1, 15, 0), merged.End.LocalDateTime);
        Assert.Equal(20, merged.Attendees);
        Assert.Equal("windows[0] + windows[1]", merged.Source);

        // A window inside another does not shorten it.
        var inside = Assert.Single(EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 9, 17), Window(2027, 5, 1, 10, 11)], [], 10).Windows);
        Assert.Equal(Duration.FromHours(8), inside.Length);

        // Windows that only touch stay apart.
        Assert.Equal(2, EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 9, 12), Window(2027, 5, 1, 12, 15)], [], 10).Windows.Count);
    }

    [Fact]
    public void Overlapping_windows_with_different_attendees_are_a_problem_naming_both()
    {
        var disagree = EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 9, 12, 20), Window(2027, 5, 1, 11, 15, 30)], [], 10);
        var problem = Assert.Single(disagree.Problems);
        Assert.Equal("windows[1]", problem.Path);
        Assert.Contains("windows[0]", problem.Message);
        Assert.Contains("windows[1]", problem.Message);
        Assert.Contains("30", problem.Message);
        var kept = Assert.Single(disagree.Windows);
        Assert.Equal(12, kept.End.Hour);

        // A daily window overlapping a dated one: the path is the daily range, the message names the day.
        var daily = new DailyRange(new LocalDate(2027, 5, 3), new LocalDate(2027, 5, 3), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays);
        var mixed = EventCalendar.Expand(Berlin, [Window(2027, 5, 3, 8, 10, 30)], [daily], 10);
        var p = Assert.Single(mixed.Problems);
        Assert.Equal("daily[0]", p.Path);
        Assert.Contains("daily[0] 2027-05-03", p.Message);
        Assert.Contains("windows[0]", p.Message);
    }

    [Fact]
    public void End_before_start_and_reversed_or_empty_ranges_are_problems_at_their_paths()
    {
        var result = EventCalendar.Expand(Berlin, [Window(2027, 5, 1, 12, 9)],
            [new DailyRange(new LocalDate(2027, 5, 9), new LocalDate(2027, 5, 1), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays),
             new DailyRange(new LocalDate(2027, 5, 1), new LocalDate(2027, 5, 2), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays),
             new DailyRange(new LocalDate(2027, 5, 1), new LocalDate(2027, 5, 9), new LocalTime(9, 0), new LocalTime(17, 0), [])], 10);
        Assert.Equal(["windows[0].end", "daily[0].to", "daily[1].days", "daily[2].days"], result.Problems.Select(p => p.Path));
        Assert.Equal("end 2027-05-01T09:00 is not after start 2027-05-01T12:00; set an end later than the start", result.Problems[0].Message);
        Assert.Equal("to 2027-05-01 is before from 2027-05-09; set to on or after from", result.Problems[1].Message);
        Assert.Contains("2027-05-01 and 2027-05-02", result.Problems[2].Message); // a Saturday and a Sunday
        Assert.Empty(result.Windows);
    }

    [Fact]
    public void An_end_equal_to_the_start_is_a_problem()
    {
        var problem = Assert.Single(EventCalendar.Expand(LosAngeles, [Window(2026, 3, 8, 9, 9)], [], 10).Problems);
        Assert.Equal("end 2026-03-08T09:00 is not after start 2026-03-08T09:00; set an end later than the start", problem.Message);
    }

    [Fact]
    public void Windows_come_back_sorted_by_start_with_default_and_explicit_attendees()
    {
        var range = new DailyRange(new LocalDate(2027, 5, 4), new LocalDate(2027, 5, 4), new LocalTime(9, 0), new LocalTime(12, 0), Weekdays);
        var result = EventCalendar.Expand(Berlin, [Window(2027, 5, 6, 9, 12, 25), Window(2027, 5, 3, 9, 12)], [range], 12);
        Assert.Equal(["windows[1]", "daily[0] 2027-05-04", "windows[0]"], result.Windows.Select(w => w.Source));
        Assert.Equal([12, 12, 25], result.Windows.Select(w => w.Attendees));
    }

    [Fact]
    public void A_weekly_lab_that_skips_one_week_is_one_range_with_an_except_date()
    {
        // Thursdays 14:00–16:00 for five weeks, the third (Ascension Day, 2027-05-06) left out.
        var range = new DailyRange(new LocalDate(2027, 4, 22), new LocalDate(2027, 5, 20), new LocalTime(14, 0), new LocalTime(16, 0),
            [IsoDayOfWeek.Thursday]) { Except = [new LocalDate(2027, 5, 6)] };
        var result = EventCalendar.Expand(Berlin, [], [range], 10);
        Assert.Empty(result.Problems);
        Assert.Equal(["daily[0] 2027-04-22", "daily[0] 2027-04-29", "daily[0] 2027-05-13", "daily[0] 2027-05-20"],
            result.Windows.Select(w => w.Source));
    }

    [Fact]
    public void An_except_date_outside_the_range_on_another_day_or_twice_is_an_error_at_its_own_key()
    {
        var range = new DailyRange(new LocalDate(2027, 7, 5), new LocalDate(2027, 7, 16), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays)
        {
            Except = [new LocalDate(2027, 7, 14), new LocalDate(2027, 8, 2), new LocalDate(2027, 7, 10), new LocalDate(2027, 7, 14)],
        };
        var result = EventCalendar.Expand(Berlin, [], [range], 10);
        Assert.Equal(["daily[0].except[1]", "daily[0].except[2]", "daily[0].except[3]"], result.Problems.Select(p => p.Path));
        Assert.Contains("2027-08-02 is not between from 2027-07-05 and to 2027-07-16", result.Problems[0].Message);
        Assert.Contains("2027-07-10 is a Saturday, not one of the range's days (Mon, Tue, Wed, Thu, Fri)", result.Problems[1].Message);
        Assert.Contains("listed twice; remove one", result.Problems[2].Message);
        Assert.All(result.Problems, p => Assert.True(Corpus.FixRule.Holds(p.Message), p.Message));
        Assert.Equal(9, result.Windows.Count); // the valid exception still applies
        Assert.DoesNotContain(result.Windows, w => w.Source == "daily[0] 2027-07-14");
    }

    [Fact]
    public void A_range_whose_every_date_is_an_exception_is_an_error()
    {
        var range = new DailyRange(new LocalDate(2027, 7, 5), new LocalDate(2027, 7, 6), new LocalTime(9, 0), new LocalTime(17, 0), Weekdays)
        {
            Except = [new LocalDate(2027, 7, 5), new LocalDate(2027, 7, 6)],
        };
        var problem = Assert.Single(EventCalendar.Expand(Berlin, [], [range], 10).Problems);
        Assert.Equal("daily[0].except", problem.Path);
        Assert.Contains("leaves out every date of the range", problem.Message);
    }
}
