using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;
using NodaTime;

namespace HubInfra.Core.Tests.Simulation;

public class WindowSimulatorTests
{
    private static readonly Instant Origin = Instant.FromUtc(2027, 7, 5, 7, 0);

    /// <summary>An eight-hour window, warm 30 minutes before, cool 15 after: 300 seats on 20 nodes of 15.</summary>
    private static WindowScenario Day(int seats = 300, int nodes = 20, int perNode = 15, int maxNodes = 21, int hours = 8) =>
        new("day", Origin - Duration.FromMinutes(30), Origin + Duration.FromHours(hours) + Duration.FromMinutes(15),
            [new SessionScenario(Origin, Origin + Duration.FromHours(hours), seats)], seats, nodes, perNode, maxNodes);

    /// <summary>The spec of that window as the plan would state it: arrival phase 60 minutes after the start, then release.</summary>
    private static ScalerSpec Spec(WindowScenario w, int warmSeats, int perNode = 15)
    {
        var arrivalEnd = w.Origin + Duration.FromMinutes(60);
        var stall = ArrivalStall.Default;
        return new ScalerSpec(
            [
                new ScalerPhase(w.WarmFrom, arrivalEnd, ScalerPhaseKind.Arrival, warmSeats, w.WarmFrom, w.Origin, stall.MinAttendees(w.PlannedSeats)),
                new ScalerPhase(arrivalEnd, w.CoolAt, ScalerPhaseKind.Release, warmSeats, w.WarmFrom, w.Origin, stall.MinAttendees(w.PlannedSeats)),
            ],
            30, perNode, perNode - 1, stall, CapacityBackend.Placeholders, AttendeeRule.AllServers, perNode);
    }

    private static SimulationPolicy Policy(double noShow = 0, bool preloaded = false, double pull = 5, int seed = 7,
        CapacityBackend backend = CapacityBackend.Placeholders) => new(backend, preloaded, pull, noShow, seed);

    private static WindowOutcome Run(Strategy strategy, SimulationPolicy policy, WindowScenario? w = null)
    {
        w ??= Day();
        return WindowSimulator.Run(w, strategy, Spec(w, w.PlannedNodes * w.SeatsPerNode, w.SeatsPerNode), policy, ClusterTimings.Default,
            ArrivalCurve.Default, new Random(policy.Seed));
    }

    private static double P(WindowOutcome o, double p) => StrategySummary.Percentile(o.Waits.Order().ToArray(), p);

    private static int NodesAt(WindowOutcome o, double minute) => o.Timeline.Last(p => p.Minute <= minute).Nodes;

    [Fact]
    public void Without_prewarm_people_wait_about_a_node_boot_plus_the_image_pull()
    {
        var t = ClusterTimings.Default;
        var o = Run(Strategy.NoPrewarm, Policy(pull: 5));
        Assert.Equal(300, o.Waits.Count);
        Assert.InRange(P(o, 0.5), 5 * 60, t.UsableSeconds(false) + t.StartMaxSeconds);
        Assert.InRange(P(o, 0.95), t.BootMinSeconds + 5 * 60, t.UsableSeconds(false) + t.StartMaxSeconds);
    }

    [Fact]
    public void A_preloaded_image_leaves_only_the_boot_to_wait_for()
    {
        var t = ClusterTimings.Default;
        var pulled = Run(Strategy.NoPrewarm, Policy(pull: 5));
        var preloaded = Run(Strategy.NoPrewarm, Policy(preloaded: true, pull: 5));
        Assert.True(P(preloaded, 0.95) <= t.UsableSeconds(true) + t.StartMaxSeconds, $"p95 {P(preloaded, 0.95)}");
        Assert.True(P(preloaded, 0.5) < P(pulled, 0.5) - 4 * 60);
    }

    [Theory]
    [InlineData(CapacityBackend.Placeholders)]
    [InlineData(CapacityBackend.CapacityBuffer)]
    public void With_the_plan_people_start_within_seconds_and_nodes_stay_near_the_plan(CapacityBackend backend)
    {
        var o = Run(Strategy.Plan, Policy(backend: backend));
        Assert.Equal(300, o.Waits.Count);
        Assert.True(P(o, 0.95) <= 15, $"p95 wait {P(o, 0.95)} s");
        Assert.True(o.PeakNodes <= Math.Ceiling(1.1 * 20), $"peak {o.PeakNodes} nodes for 20 planned");
        Assert.Equal(0, o.Unserved);
    }

    [Fact]
    public void The_same_seed_gives_the_same_outcome_and_another_seed_another()
    {
        var a = Run(Strategy.Plan, Policy(seed: 3));
        var b = Run(Strategy.Plan, Policy(seed: 3));
        var c = Run(Strategy.Plan, Policy(seed: 4));
        Assert.Equal(a.Waits, b.Waits);
        Assert.Equal(a.NodeHours, b.NodeHours);
        Assert.Equal(a.Timeline, b.Timeline);
        Assert.NotEqual(a.Waits, c.Waits);
    }

    [Theory]
    [InlineData(CapacityBackend.Placeholders)]
    [InlineData(CapacityBackend.CapacityBuffer)]
    public void Attendees_pack_so_the_nodes_of_no_shows_are_given_back(CapacityBackend backend)
    {
        var all = Run(Strategy.Plan, Policy(backend: backend));
        var noShows = Run(Strategy.Plan, Policy(noShow: 0.3, backend: backend));
        Assert.Equal(210, noShows.People);
        // Two hours in, after the release, the pool holds the nodes of the people who came plus about one of headroom.
        Assert.InRange(NodesAt(noShows, 120), 14, 14 + 2);
        Assert.True(noShows.NodeHours < 0.86 * all.NodeHours, $"{noShows.NodeHours} node-hours with 30% no-shows against {all.NodeHours}");
    }

    [Fact]
    public void Arrivals_in_a_burst_beyond_the_free_seats_preempt_and_the_rest_land_without()
    {
        var o = Run(Strategy.Plan, Policy(noShow: 0.3));
        // Most arrivals find a free seat where others already are; only bursts beyond the arrival slots preempt.
        Assert.InRange(o.Preemptions, 0, o.People / 2);
        var buffer = Run(Strategy.Plan, Policy(noShow: 0.3, backend: CapacityBackend.CapacityBuffer));
        Assert.Equal(0, buffer.Preemptions);
    }

    [Fact]
    public void Node_hours_never_fall_below_the_lower_bound_and_every_node_goes_in_the_end()
    {
        foreach (var strategy in new[] { Strategy.NoPrewarm, Strategy.Plan })
        {
            var o = Run(strategy, Policy(noShow: 0.2));
            Assert.True(o.NodeHours >= o.LowerBoundNodeHours * 0.95, $"{strategy}: {o.NodeHours} < {o.LowerBoundNodeHours}");
            Assert.Equal(0, o.Timeline[^1].Nodes);
        }
    }

    [Fact]
    public void A_pool_that_cannot_grow_leaves_people_unserved_instead_of_hanging()
    {
        var o = Run(Strategy.NoPrewarm, Policy(), Day(maxNodes: 2));
        Assert.Equal(30, o.Waits.Count);
        Assert.Equal(270, o.Unserved);
        Assert.True(o.PeakNodes <= 2);
    }

    [Fact]
    public void The_default_arrival_curve_puts_70_percent_within_15_minutes_of_the_start()
    {
        var times = ArrivalCurve.Default.Sample(10_000, 8 * 3600, new Random(1));
        var within = times.Count(t => Math.Abs(t) <= 15 * 60) / 10_000.0;
        Assert.InRange(within, 0.67, 0.83);
        Assert.True(times.Min() >= -20 * 60 && times.Max() <= 60 * 60);
        Assert.Equal(times.Order(), times);
    }
}

public class ClusterModelTests
{
    private static ClusterModel Model(int seats = 4, int seed = 1) =>
        new(seats, 10, ClusterTimings.Default, 0, new Random(seed));

    private static ClusterModel.Node Ready(ClusterModel m, string name)
    {
        var n = new ClusterModel.Node(name, 0, 0, 0);
        m.Nodes.Add(n);
        return n;
    }

    [Fact]
    public void A_pod_that_fits_goes_to_the_busiest_node_with_a_free_seat()
    {
        var m = Model();
        var a = Ready(m, "a");
        var b = Ready(m, "b");
        a.Placeholders.Add(new ClusterModel.Pod("p1", 0));
        b.Placeholders.AddRange([new ClusterModel.Pod("p2", 0), new ClusterModel.Pod("p3", 0)]);
        m.PendingUsers.Add(m.NewUser(10, 0));
        m.Schedule(10, preempt: true, 2, 8);
        Assert.Single(b.Users);
        Assert.Equal(0, m.Preemptions);
    }

    [Fact]
    public void Preemption_takes_the_node_whose_placeholder_started_last()
    {
        var m = Model(seats: 2);
        var a = Ready(m, "a");
        var b = Ready(m, "b");
        a.Placeholders.AddRange([new ClusterModel.Pod("a1", 0) { StartedAt = 100 }, new ClusterModel.Pod("a2", 0) { StartedAt = 300 }]);
        b.Placeholders.AddRange([new ClusterModel.Pod("b1", 0) { StartedAt = 200 }, new ClusterModel.Pod("b2", 0) { StartedAt = 250 }]);
        m.PendingUsers.Add(m.NewUser(400, 0));
        m.Schedule(400, preempt: true, 2, 8);
        Assert.Single(a.Users);
        Assert.Equal(["a1"], a.Placeholders.Select(p => p.Name));
        Assert.Equal(1, m.Preemptions);
    }

    [Fact]
    public void Equal_victims_are_chosen_at_random_not_in_the_plans_favour()
    {
        var chosen = new HashSet<string>();
        for (var seed = 0; seed < 40; seed++)
        {
            var m = Model(seats: 1, seed: seed);
            foreach (var name in new[] { "a", "b", "c", "d" })
                Ready(m, name).Placeholders.Add(new ClusterModel.Pod($"{name}1", 0) { StartedAt = 50 });
            m.PendingUsers.Add(m.NewUser(60, 0));
            m.Schedule(60, preempt: true, 2, 8);
            chosen.Add(m.Nodes.Single(n => n.Users.Count == 1).Name);
        }
        Assert.Equal(4, chosen.Count);
    }

    [Fact]
    public void A_node_of_few_placeholders_that_fit_elsewhere_is_drained_and_a_node_with_a_user_never()
    {
        var m = Model(seats: 10);
        var a = Ready(m, "a"); // 3 placeholders: 30% used, they fit on b
        var b = Ready(m, "b"); // 1 user
        a.Placeholders.AddRange(Enumerable.Range(1, 3).Select(i => new ClusterModel.Pod($"p{i}", 0)));
        b.Users.Add(m.NewUser(0, 0));
        for (var t = 1000; t <= 1000 + 700; t += 10) m.Autoscale(t, CapacityBackend.Placeholders);
        Assert.NotNull(a.RemovedAt);
        Assert.Empty(a.Placeholders);
        Assert.Null(b.RemovedAt);
    }

    [Fact]
    public void An_empty_node_stays_while_the_capacity_buffer_needs_its_seats()
    {
        var m = Model(seats: 10);
        var a = Ready(m, "a");
        Ready(m, "b").Users.Add(m.NewUser(0, 0));
        m.BufferReplicas = 12; // 9 free on b + 10 on a: a is needed
        for (var t = 1000; t <= 1800; t += 10) m.Autoscale(t, CapacityBackend.CapacityBuffer);
        Assert.Null(a.RemovedAt);
        m.BufferReplicas = 5;
        for (var t = 1810; t <= 2500; t += 10) m.Autoscale(t, CapacityBackend.CapacityBuffer);
        Assert.NotNull(a.RemovedAt);
    }
}
