using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;
using NodaTime;

namespace HubInfra.Core.Tests.Simulation;

/// <summary>The minute-by-minute record a plot draws: what the simulated window went through.</summary>
public class TimelineTests
{
    private static readonly Instant Origin = Instant.FromUtc(2027, 7, 5, 7, 0);

    private static readonly WindowScenario Day = new("day", Origin - Duration.FromMinutes(30), Origin + Duration.FromMinutes(8 * 60 + 15),
        [new SessionScenario(Origin, Origin + Duration.FromHours(8), 300)], 300, 20, 15, 21);

    private static readonly ScalerSpec Spec = new(
        [
            new ScalerPhase(Day.WarmFrom, Origin + Duration.FromHours(1), ScalerPhaseKind.Arrival, 300, Day.WarmFrom, Origin, 150),
            new ScalerPhase(Origin + Duration.FromHours(1), Day.CoolAt, ScalerPhaseKind.Release, 300, Day.WarmFrom, Origin, 150),
        ], 30, 15, 14, ArrivalStall.Default, CapacityBackend.Placeholders, AttendeeRule.AllServers, 15);

    private static WindowOutcome Run(Strategy strategy, double noShow = 0) =>
        WindowSimulator.Run(Day, strategy, Spec, new SimulationPolicy(CapacityBackend.Placeholders, false, 5, noShow, 7),
            ClusterTimings.Default, ArrivalCurve.Default, new Random(7));

    [Fact]
    public void The_plan_timeline_starts_at_warm_up_one_point_a_minute_with_every_seat_warm_before_anyone_comes()
    {
        var o = Run(Strategy.Plan);
        Assert.Equal(-30, o.Timeline[0].Minute);
        Assert.All(o.Timeline.Zip(o.Timeline.Skip(1)), pair => Assert.Equal(1, pair.Second.Minute - pair.First.Minute, 9));
        // Nine minutes into warm-up the planned nodes are up and every seat of them is warm; nobody comes before -20 min.
        var early = o.Timeline.Single(p => p.Minute == -21);
        Assert.Equal(0, early.Attendees);
        Assert.Equal(20, early.Nodes);
        Assert.Equal(20 * 15, early.WarmSeats);
        // At the window's middle everyone is there; the timeline's nodes are the outcome's.
        var middle = o.Timeline.Single(p => p.Minute == 240);
        Assert.Equal(300, middle.Attendees);
        Assert.Equal(o.PeakNodes, o.Timeline.Max(p => p.Nodes));
        Assert.Equal(20, o.LowerBoundNodes); // 300 people / 15 seats
    }

    [Fact]
    public void With_no_pre_warm_the_timeline_starts_with_the_first_arrival_on_no_node_and_no_shows_lower_the_bound()
    {
        var o = Run(Strategy.NoPrewarm, noShow: 0.3);
        Assert.True(o.Timeline[0].Minute >= -20, $"starts at {o.Timeline[0].Minute}"); // the earliest arrivals come 20 min early
        Assert.Equal(0, o.Timeline[0].Nodes);
        Assert.Equal(14, o.LowerBoundNodes); // 210 people / 15 seats, rounded up
        Assert.True(o.Timeline.Max(p => p.Attendees) <= 210);
    }
}
