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
    public void Four_weekly_workshops_merge_to_three_no_upgrades_exclusions_that_gke_accepts()
    {
        var warm = EightHourWindows(Enumerable.Range(0, 4).Select(i => new LocalDate(2027, 3, 1).PlusDays(7 * i)));
        var plan = MaintenanceExclusions.Plan("weekly", warm, FortyEightHours);
        Assert.Equal(3, plan.Exclusions.Count);
        Assert.All(plan.Exclusions, e => Assert.Equal(ExclusionScope.NoUpgrades, e.Scope));
        Assert.Contains("1 pair of exclusions", Assert.Single(plan.Notes));
        Assert.Empty(GkeMaintenanceRules.Check(plan.Exclusions, null));
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void A_course_of_many_weeks_gets_no_minor_or_node_upgrades_and_says_so()
    {
        // Ten weeks of weekday sessions: NO_UPGRADES would need 10 exclusions (or 3 that block most daily windows).
        var warm = Weekdays9To17(new LocalDate(2027, 1, 11), new LocalDate(2027, 3, 19));
        var plan = MaintenanceExclusions.Plan("course", warm, FortyEightHours);
        var only = Assert.Single(plan.Exclusions);
        Assert.Equal(ExclusionScope.NoMinorOrNodeUpgrades, only.Scope);
        Assert.Equal(warm[0].WarmFrom, only.Start);
        Assert.Equal(warm[^1].CoolAt, only.End);
        Assert.Contains("NO_MINOR_OR_NODE_UPGRADES", plan.Notes[0]);
        Assert.Contains("user servers keep running", plan.Notes[0]);
        Assert.Single(plan.Notes); // when to add it depends on the day: WhenToAdd
        Assert.Empty(GkeMaintenanceRules.Check(plan.Exclusions, Instant.FromUtc(2026, 10, 1, 0, 0)));
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void Three_two_week_blocks_a_week_apart_are_refused_for_availability_and_use_the_node_scope()
    {
        // Three NO_UPGRADES exclusions of 14 days with 7-day gaps pass the count but leave 7 free daily windows in 31.
        IsoDayOfWeek[] everyDay = [.. Weekdays, IsoDayOfWeek.Saturday, IsoDayOfWeek.Sunday];
        var warm = new[] { new LocalDate(2027, 5, 3), new LocalDate(2027, 5, 24), new LocalDate(2027, 6, 14) }
            .SelectMany(d => Weekdays9To17(d, d.PlusDays(13), everyDay, Duration.Zero, Duration.Zero)).ToList();
        var plan = MaintenanceExclusions.Plan("blocks", warm, FortyEightHours);
        Assert.All(plan.Exclusions, e => Assert.Equal(ExclusionScope.NoMinorOrNodeUpgrades, e.Scope));
        Assert.Contains("less than 48 hours of maintenance availability in 32 days", plan.Notes[0]);
        AssertAllCovered(warm, plan);
    }

    [Fact]
    public void A_warm_stretch_over_180_days_is_split_into_node_scope_pieces()
    {
        var start = Instant.FromUtc(2027, 1, 1, 0, 0);
        var plan = MaintenanceExclusions.Plan("year", [new WarmWindow(start, start + Duration.FromDays(200), 10, [])], FortyEightHours);
        Assert.Equal(
            [new MaintenanceExclusion("year-1", start, start + Duration.FromDays(180), ExclusionScope.NoMinorOrNodeUpgrades),
             new MaintenanceExclusion("year-2", start + Duration.FromDays(180), start + Duration.FromDays(200), ExclusionScope.NoMinorOrNodeUpgrades)],
            plan.Exclusions);
        Assert.Contains("more than 30 days", plan.Notes[0]);
    }

    [Fact]
    public void Every_plan_satisfies_gkes_rules_when_each_exclusion_is_added_on_its_date()
    {
        var cases = new List<IReadOnlyList<WarmWindow>>
        {
            Weekdays9To17(new LocalDate(2026, 7, 6), new LocalDate(2026, 7, 17)),
            Weekdays9To17(new LocalDate(2027, 1, 4), new LocalDate(2027, 6, 25)),
            EightHourWindows(Enumerable.Range(0, 25).Select(i => new LocalDate(2027, 1, 4).PlusDays(28 * i))),
            EightHourWindows(Enumerable.Range(0, 12).Select(i => new LocalDate(2027, 1, 4).PlusDays(3 * i))),
        };
        foreach (var warm in cases)
        {
            var plan = MaintenanceExclusions.Plan("x", warm, FortyEightHours);
            AssertAllCovered(warm, plan);
            if (plan.Exclusions.Count > GkeMaintenanceRules.MaxExclusions) continue; // said so in a note
            foreach (var e in plan.Exclusions)
                Assert.Empty(GkeMaintenanceRules.Check([e], e.End - GkeMaintenanceRules.MaxMinorScopeAhead));
            Assert.Empty(GkeMaintenanceRules.Check(plan.Exclusions, null));
        }
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
    public void Gke_limits_are_20_exclusions_3_without_upgrades_30_days_and_180_days()
    {
        Assert.Equal(20, MaintenanceExclusions.GkeMaxExclusions);
        Assert.Equal(3, GkeMaintenanceRules.MaxNoUpgradesExclusions);
        Assert.Equal(Duration.FromDays(30), MaintenanceExclusions.MaxNoUpgradeLength);
        Assert.Equal(Duration.FromDays(180), GkeMaintenanceRules.MaxMinorScopeAhead);
        // A daily 4-hour window gives 31 whole openings in the worst 32 days: 124 hours, 12 of them are GKE's 48.
        Assert.Equal(Duration.FromHours(124), GkeMaintenanceRules.WindowAvailability(GkeMaintenanceRules.DefaultWindow));
    }

    [Fact]
    public void When_to_add_a_node_scope_exclusion_is_never_a_past_date_and_not_said_of_one_the_cluster_has()
    {
        var warm = Weekdays9To17(new LocalDate(2027, 1, 11), new LocalDate(2027, 3, 19));
        var only = Assert.Single(MaintenanceExclusions.Plan("course", warm, FortyEightHours).Exclusions);
        var earliest = only.End - GkeMaintenanceRules.MaxMinorScopeAhead; // 2026-09-20 at the course's last cool-down (UTC)
        // Months before: the first whole UTC day GKE accepts it (the day after, as the time of day is not midnight).
        var early = MaintenanceExclusions.WhenToAdd([only], [], Instant.FromUtc(2026, 6, 1, 0, 0));
        Assert.Contains($"add course-1 on or after {earliest.InUtc().Date.PlusDays(1):yyyy-MM-dd} (UTC)", early);
        // Once that day has come, or later: nothing to wait for, so no date at all (never one in the past).
        Assert.Null(MaintenanceExclusions.WhenToAdd([only], [], earliest + Duration.FromHours(1)));
        Assert.Null(MaintenanceExclusions.WhenToAdd([only], [], Instant.FromUtc(2026, 11, 23, 0, 0)));
        // Already on the cluster (any node-keeping scope covering it): nothing said.
        Assert.Null(MaintenanceExclusions.WhenToAdd([only], [only with { Name = "course-exclusion" }], Instant.FromUtc(2026, 6, 1, 0, 0)));
        Assert.NotNull(MaintenanceExclusions.WhenToAdd([only], [only with { Scope = ExclusionScope.NoMinorUpgrades }], Instant.FromUtc(2026, 6, 1, 0, 0)));
    }
}

public class MaintenanceExclusionFitTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 0, 0);

    private static MaintenanceExclusion NoUpgrades(string name, int month) =>
        new(name, Instant.FromUtc(2027, month, 3, 0, 0), Instant.FromUtc(2027, month, 6, 0, 0));

    [Fact]
    public void Planned_exclusions_that_fit_with_the_clusters_are_kept()
    {
        var planned = new MaintenanceExclusionPlan([NoUpgrades("event-1", 5)], []);
        Assert.Same(planned, MaintenanceExclusions.FitWith([NoUpgrades("a", 1), NoUpgrades("b", 2)], planned, Now));
    }

    [Fact]
    public void A_fourth_no_upgrades_exclusion_is_suggested_with_the_node_scope_instead()
    {
        var planned = new MaintenanceExclusionPlan([NoUpgrades("event-1", 5)], []);
        var fit = MaintenanceExclusions.FitWith([NoUpgrades("a", 1), NoUpgrades("b", 2), NoUpgrades("c", 3)], planned, Now);
        var only = Assert.Single(fit.Exclusions);
        Assert.Equal(ExclusionScope.NoMinorOrNodeUpgrades, only.Scope);
        Assert.Equal(planned.Exclusions[0].Start, only.Start);
        Assert.Contains("4 NO_UPGRADES exclusions, but GKE allows at most 3", Assert.Single(fit.Notes));
        Assert.Empty(GkeMaintenanceRules.Check([NoUpgrades("a", 1), NoUpgrades("b", 2), NoUpgrades("c", 3), only], Now));
    }
}

public class MaintenanceExclusionChannelTests
{
    [Fact]
    public void Without_a_release_channel_the_suggestion_says_to_choose_one()
    {
        var start = Instant.FromUtc(2027, 1, 1, 0, 0);
        var planned = MaintenanceExclusions.Plan("course", [new WarmWindow(start, start + Duration.FromDays(40), 10, [])], Duration.FromHours(48));
        var fit = MaintenanceExclusions.FitWith([], planned, Instant.FromUtc(2026, 11, 23, 0, 0), inReleaseChannel: false);
        Assert.Contains(fit.Notes, n => n.Contains("set hubinfra:cluster.releaseChannel", StringComparison.Ordinal));
    }
}
