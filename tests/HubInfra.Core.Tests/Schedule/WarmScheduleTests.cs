using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Tests.Schedule;

public class WarmScheduleTests
{
    private static readonly DateTimeZone LosAngeles = DateTimeZoneProviders.Tzdb["America/Los_Angeles"];
    private static readonly Duration Lead = Duration.FromMinutes(30);
    private static readonly Duration Grace = Duration.FromMinutes(15);

    private static IReadOnlyList<EventWindow> Windows(params DatedWindow[] windows) => EventCalendar.Expand(LosAngeles, windows, [], 10).Windows;

    private static DatedWindow At(int h1, int m1, int h2, int m2, int? attendees = null) =>
        new(new LocalDateTime(2026, 7, 6, h1, m1), new LocalDateTime(2026, 7, 6, h2, m2), attendees);

    [Fact]
    public void Lead_and_grace_widen_a_window()
    {
        var warm = Assert.Single(WarmSchedule.Build(Windows(At(9, 0, 17, 0)), Lead, Grace));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 15, 30), warm.WarmFrom); // 08:30 PDT
        Assert.Equal(Instant.FromUtc(2026, 7, 7, 0, 15), warm.CoolAt); // 17:15 PDT
        Assert.Equal(10, warm.Attendees);
    }

    [Fact]
    public void Windows_whose_warm_times_overlap_merge_and_keep_the_larger_attendance()
    {
        // 09:00–12:00 → 08:30–12:15 and 12:30–16:00 → 12:00–16:15 overlap.
        var warm = Assert.Single(WarmSchedule.Build(Windows(At(9, 0, 12, 0, 30), At(12, 30, 16, 0, 50)), Lead, Grace));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 15, 30), warm.WarmFrom);
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 23, 15), warm.CoolAt); // 16:15 PDT
        Assert.Equal(50, warm.Attendees);
        Assert.Equal(["windows[0]", "windows[1]"], warm.Covers.Select(c => c.Source));
    }

    [Fact]
    public void Windows_whose_warm_times_touch_merge()
    {
        // 09:00–12:00 cools at 12:15; 12:45–16:00 warms from 12:15.
        var warm = Assert.Single(WarmSchedule.Build(Windows(At(9, 0, 12, 0, 30), At(12, 45, 16, 0, 20)), Lead, Grace));
        Assert.Equal(30, warm.Attendees);
        Assert.Equal(2, warm.Covers.Count);
    }

    [Fact]
    public void Windows_further_apart_stay_separate()
    {
        // 09:00–12:00 cools at 12:15; 13:00–16:00 warms from 12:30: a 15-minute gap.
        var warm = WarmSchedule.Build(Windows(At(9, 0, 12, 0), At(13, 0, 16, 0)), Lead, Grace);
        Assert.Equal(2, warm.Count);
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 19, 15), warm[0].CoolAt);
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 19, 30), warm[1].WarmFrom);
        Assert.Equal(Duration.FromMinutes(15), warm[1].WarmFrom - warm[0].CoolAt);
    }

    [Fact]
    public void Unsorted_input_is_sorted_and_zero_lead_and_grace_keep_the_window()
    {
        var windows = Windows(At(13, 0, 16, 0), At(9, 0, 12, 0));
        var warm = WarmSchedule.Build([windows[1], windows[0]], Duration.Zero, Duration.Zero);
        Assert.Equal([Instant.FromUtc(2026, 7, 6, 16, 0), Instant.FromUtc(2026, 7, 6, 20, 0)], warm.Select(w => w.WarmFrom));
        Assert.Equal(Instant.FromUtc(2026, 7, 6, 19, 0), warm[0].CoolAt);
        Assert.Empty(WarmSchedule.Build([], Lead, Grace));
    }
}
