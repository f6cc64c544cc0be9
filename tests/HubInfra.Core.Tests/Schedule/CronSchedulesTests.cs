using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Tests.Schedule;

public class CronSchedulesTests
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly DateTimeZone Berlin = DateTimeZoneProviders.Tzdb["Europe/Berlin"];

    private static WarmWindow Warm(LocalDateTime start, LocalDateTime end)
    {
        var windows = EventCalendar.Expand(LosAngeles, [new DatedWindow(start, end)], [], 10).Windows;
        return Assert.Single(WarmSchedule.Build(windows, Duration.FromMinutes(30), Duration.FromMinutes(15)));
    }

    [Fact]
    public void Scale_up_and_down_are_local_to_the_event_zone()
    {
        var warm = Warm(new LocalDateTime(2026, 7, 6, 9, 0), new LocalDateTime(2026, 7, 6, 17, 0));
        Assert.Equal(
            [new CronEntry("30 8 6 7 *", "America/Los_Angeles", "scale-up"), new CronEntry("15 17 6 7 *", "America/Los_Angeles", "scale-down")],
            CronSchedules.ForWarmWindow(warm, LosAngeles));
    }

    [Fact]
    public void The_same_instants_in_another_zone_give_that_zones_clock()
    {
        // 15:30Z and 00:15Z are 17:30 and 02:15 (next day) in Berlin (CEST).
        var warm = Warm(new LocalDateTime(2026, 7, 6, 9, 0), new LocalDateTime(2026, 7, 6, 17, 0));
        Assert.Equal(["30 17 6 7 *", "15 2 7 7 *"], CronSchedules.ForWarmWindow(warm, Berlin).Select(c => c.Schedule));
        Assert.All(CronSchedules.ForWarmWindow(warm, Berlin), c => Assert.Equal("Europe/Berlin", c.TimeZone));
    }

    [Fact]
    public void A_window_past_midnight_on_the_last_of_the_month_scales_down_in_the_next_month()
    {
        var warm = Warm(new LocalDateTime(2026, 7, 31, 22, 0), new LocalDateTime(2026, 8, 1, 2, 0));
        Assert.Equal(["30 21 31 7 *", "15 2 1 8 *"], CronSchedules.ForWarmWindow(warm, LosAngeles).Select(c => c.Schedule));
    }

    [Fact]
    public void On_dst_days_the_schedule_follows_the_local_clock()
    {
        // 2026-03-08 09:00 PDT: warm from 08:30 PDT (15:30Z), not 16:30Z as it would be in PST.
        var spring = Warm(new LocalDateTime(2026, 3, 8, 9, 0), new LocalDateTime(2026, 3, 8, 17, 0));
        Assert.Equal(Instant.FromUtc(2026, 3, 8, 15, 30), spring.WarmFrom);
        Assert.Equal("30 8 8 3 *", CronSchedules.ForWarmWindow(spring, LosAngeles)[0].Schedule);
    }

    [Fact]
    public void The_guard_carries_the_window_bounds_in_unix_seconds_with_a_minute_of_slack()
    {
        var warm = Warm(new LocalDateTime(2026, 7, 6, 9, 0), new LocalDateTime(2026, 7, 6, 17, 0));
        // 2026-07-06T15:30:00Z = 1783351800, 2026-07-07T00:15:00Z = 1783383300 (date -u -d … +%s)
        Assert.Equal(1783351800, warm.WarmFrom.ToUnixTimeSeconds());
        Assert.Equal(
            "now=$(date -u +%s); if [ \"$now\" -lt 1783351740 ] || [ \"$now\" -gt 1783383360 ]; then echo \"outside event window; nothing to do\"; exit 0; fi",
            CronSchedules.ActiveBetweenGuard(warm.WarmFrom, warm.CoolAt));
    }

    [Fact]
    public void Reconcile_runs_every_few_minutes_in_the_event_zone()
    {
        Assert.Equal(new CronEntry("*/5 * * * *", "America/Los_Angeles", "reconcile"), CronSchedules.Reconcile(LosAngeles));
        Assert.Equal("*/15 * * * *", CronSchedules.Reconcile(Berlin, 15).Schedule);
        Assert.Throws<ArgumentOutOfRangeException>(() => CronSchedules.Reconcile(Berlin, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CronSchedules.Reconcile(Berlin, 60));
    }
}
