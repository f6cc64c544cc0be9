using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Tests.Schedule;

public class MaintenanceExclusionsTests
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly IsoDayOfWeek[] Weekdays = [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];
    private static readonly Duration FortyEightHours = Duration.FromHours(48);

    private static IReadOnlyList<WarmWindow> Weekdays9To17(LocalDate from, LocalDate to, IsoDayOfWeek[]? days = null, Duration? lead = null, Duration? grace = null)
    {
        var calendar = EventCalendar.Expand(LosAngeles, [], [new DailyRange(from, to, new LocalTime(9, 0), new LocalTime(17, 0), days ?? Weekdays)], 10);
        Assert.Empty(calendar.Problems);
        return WarmSchedule.Build(calendar.Windows, lead ?? Duration.FromMinutes(30), grace ?? Duration.FromMinutes(15));
    }

    private static IReadOnlyList<WarmWindow> EightHourWindows(IEnumerable<LocalDate> dates) =>
        WarmSchedule.Build(EventCalendar.Expand(LosAngeles,
            dates.Select(d => new DatedWindow(d + new LocalTime(9, 0), d + new LocalTime(17, 0))).ToList(), [], 5).Windows, Duration.Zero, Duration.Zero);

    private static void AssertAllCovered(IReadOnlyList<WarmWindow> warm, MaintenanceExclusionPlan plan)
    {
        var existing = plan.Exclusions.Select(e => (e.Start, e.End)).ToList();
        Assert.All(warm, w => Assert.True(MaintenanceExclusions.Covers(existing, w)));
    }

    [Fact]
    public void Two_weeks_of_weekdays_need_two_exclusions_with_a_48_hour_merge_gap()
    {
        // Weeknights (17:15 → 08:30, 15 h 15 min) are merged; the weekend (Friday 17:15 → Monday 08:30 = 63 h 15 min) is not.
        var warm = Weekdays9To17(new LocalDate(2026, 7, 6), new LocalDate(2026, 7, 17));
        Assert.Equal(10, warm.Count);
        var plan = MaintenanceExclusions.Plan("school", warm, FortyEightHours);
        Assert.Equal(
            [new MaintenanceExclusion("school-1", Instant.FromUtc(2026, 7, 6, 15, 30), Instant.FromUtc(2026, 7, 11, 0, 15)),
             new MaintenanceExclusion("school-2", Instant.FromUtc(2026, 7, 13, 15, 30), Instant.FromUtc(2026, 7, 18, 0, 15))],
            plan.Exclusions);
        Assert.Empty(plan.Notes);
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void A_merge_gap_longer_than_the_weekend_gives_one_exclusion()
    {
        var warm = Weekdays9To17(new LocalDate(2026, 7, 6), new LocalDate(2026, 7, 17));
        var plan = MaintenanceExclusions.Plan("school", warm, Duration.FromHours(64));
        var only = Assert.Single(plan.Exclusions);
        Assert.Equal(new MaintenanceExclusion("school-1", Instant.FromUtc(2026, 7, 6, 15, 30), Instant.FromUtc(2026, 7, 18, 0, 15)), only);
        // One minute short of the 63 h 15 min weekend keeps them apart.
        Assert.Equal(2, MaintenanceExclusions.Plan("school", warm, Duration.FromMinutes(63 * 60 + 14)).Exclusions.Count);
        Assert.Single(MaintenanceExclusions.Plan("school", warm, Duration.FromMinutes(63 * 60 + 15)).Exclusions);
    }

    [Fact]
    public void More_windows_than_gke_allows_are_merged_down_to_the_cap_and_say_so()
    {
        // 25 eight-hour windows every 28 days: each neighbouring pair spans 28 days 8 hours (≤ 30 days), so 5 pairs merge.
        var warm = EightHourWindows(Enumerable.Range(0, 25).Select(i => new LocalDate(2027, 1, 4).PlusDays(28 * i)));
        Assert.Equal(25, warm.Count);
        var plan = MaintenanceExclusions.Plan("monthly", warm, FortyEightHours);
        Assert.Equal(MaintenanceExclusions.GkeMaxExclusions, plan.Exclusions.Count);
        var note = Assert.Single(plan.Notes);
        Assert.Contains("5 pair(s)", note);
        Assert.Contains("cap of 20", note);
        // Gaps are 27 d 16 h, an hour less across the spring change and an hour more across the autumn one;
        // the two shortest go first, then three of the 27 d 16 h ones.
        Assert.Contains("27d 16h", note);
        Assert.All(plan.Exclusions, e => Assert.True(e.End - e.Start <= MaintenanceExclusions.MaxNoUpgradeLength));
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"monthly-{i}"), plan.Exclusions.Select(e => e.Name));
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void Calendar_months_are_too_far_apart_to_merge_except_february_so_the_plan_stays_over_the_cap()
    {
        // The 1st of 25 months, 2027-01 to 2029-01: 1 Feb → 1 Mar spans 28 d 8 h (29 d 8 h in 2028) and may merge;
        // every other pair spans at least 30 d 8 h. Two merges leave 23 exclusions.
        var warm = EightHourWindows(Enumerable.Range(0, 25).Select(i => new LocalDate(2027, 1, 1).PlusMonths(i)));
        var plan = MaintenanceExclusions.Plan("monthly", warm, FortyEightHours);
        Assert.Equal(23, plan.Exclusions.Count);
        Assert.Equal(2, plan.Notes.Count);
        Assert.Contains("2 pair(s)", plan.Notes[0]);
        Assert.StartsWith("23 exclusions are still over GKE's cap of 20", plan.Notes[1]);
        Assert.Contains(plan.Exclusions, e => e.Start == Instant.FromUtc(2027, 2, 1, 17, 0) && e.End == Instant.FromUtc(2027, 3, 2, 1, 0));
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void A_forty_day_warm_window_is_split_into_thirty_and_ten_days()
    {
        var start = Instant.FromUtc(2027, 1, 1, 0, 0);
        var warm = new WarmWindow(start, start + Duration.FromDays(40), 10, []);
        var plan = MaintenanceExclusions.Plan("long", [warm], FortyEightHours);
        Assert.Equal(
            [new MaintenanceExclusion("long-1", start, start + Duration.FromDays(30)),
             new MaintenanceExclusion("long-2", start + Duration.FromDays(30), start + Duration.FromDays(40))],
            plan.Exclusions);
        Assert.StartsWith("1 exclusion(s) longer than 30 days split", Assert.Single(plan.Notes));
    }

    [Fact]
    public void Forty_days_of_daily_windows_merge_and_then_split_at_thirty_days()
    {
        IsoDayOfWeek[] everyDay = [.. Weekdays, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
        var warm = Weekdays9To17(new LocalDate(2027, 6, 1), new LocalDate(2027, 7, 10), everyDay, Duration.Zero, Duration.Zero);
        Assert.Equal(40, warm.Count);
        var plan = MaintenanceExclusions.Plan("camp", warm, FortyEightHours);
        // 1 June 09:00 PDT (16:00Z) → 10 July 17:00 PDT (11 July 00:00Z) = 39 d 8 h: 30 days, then 9 d 8 h.
        Assert.Equal(
            [new MaintenanceExclusion("camp-1", Instant.FromUtc(2027, 6, 1, 16, 0), Instant.FromUtc(2027, 7, 1, 16, 0)),
             new MaintenanceExclusion("camp-2", Instant.FromUtc(2027, 7, 1, 16, 0), Instant.FromUtc(2027, 7, 11, 0, 0))],
            plan.Exclusions);
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void Names_are_lowercase_labels_of_at_most_63_characters_and_keep_their_number()
    {
        var warm = Weekdays9To17(new LocalDate(2026, 7, 6), new LocalDate(2026, 7, 17));
        Assert.Equal(["spring-school-2026-1", "spring-school-2026-2"],
            MaintenanceExclusions.Plan("Spring School 2026!", warm, FortyEightHours).Exclusions.Select(e => e.Name));

        var names = MaintenanceExclusions.Plan(new string('a', 70), warm, FortyEightHours).Exclusions.Select(e => e.Name).ToList();
        Assert.Equal([new string('a', 61) + "-1", new string('a', 61) + "-2"], names);
        Assert.All(names, n => Assert.Equal(63, n.Length));
    }

    [Fact]
    public void No_warm_windows_need_no_exclusions()
    {
        var plan = MaintenanceExclusions.Plan("none", [], FortyEightHours);
        Assert.Empty(plan.Exclusions);
        Assert.Empty(plan.Notes);
    }

    [Fact]
    public void Covers_needs_the_union_of_existing_exclusions_to_span_the_whole_warm_window()
    {
        Instant T(int day, int hour) => Instant.FromUtc(2027, 3, day, hour, 0);
        var w = new WarmWindow(T(2, 8), T(4, 18), 10, []);
        Assert.True(MaintenanceExclusions.Covers([(T(1, 0), T(5, 0))], w));
        Assert.True(MaintenanceExclusions.Covers([(T(3, 0), T(5, 0)), (T(1, 0), T(3, 0))], w)); // touching, unsorted
        Assert.True(MaintenanceExclusions.Covers([(T(2, 8), T(4, 18))], w)); // exactly
        Assert.False(MaintenanceExclusions.Covers([(T(1, 0), T(3, 0)), (T(3, 1), T(5, 0))], w)); // an hour's hole
        Assert.False(MaintenanceExclusions.Covers([(T(2, 9), T(5, 0))], w)); // starts an hour late
        Assert.False(MaintenanceExclusions.Covers([(T(1, 0), T(4, 17))], w)); // ends an hour early
        Assert.False(MaintenanceExclusions.Covers([], w));
    }

    [Fact]
    public void Gke_limits_are_20_exclusions_and_30_days()
    {
        Assert.Equal(20, MaintenanceExclusions.GkeMaxExclusions);
        Assert.Equal(Duration.FromDays(30), MaintenanceExclusions.MaxNoUpgradeLength);
    }
}
