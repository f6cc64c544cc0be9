using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;
using NodaTime;

namespace HubInfra.Core.Tests.Scaling;

/// <summary>
/// <c>simulate</c> cannot drift from what ships: whole simulated windows in which every look of the scaler is taken by
/// the shipped script too, run against the fake kubectl holding the simulated cluster's pods (their nodes and creation
/// times), and the script's decision must equal <see cref="WarmSeatPolicy"/>'s at every look: the same placeholders
/// created and the same ones deleted, in the same order, or the same buffer size.
/// </summary>
public sealed class ScriptModelAgreementTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("agree-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    /// <summary>A 45-seat, 90-minute session on the hackathon's pool (7 seats a node), warm 30 minutes before, 15 after.</summary>
    private static (EventPlan Plan, WindowScenario Scenario) Lab(CapacityBackend backend)
    {
        var plan = WarmSeatPolicyCasesTests.Hackathon(backend);
        var start = Instant.FromUtc(2027, 3, 6, 14, 0);
        var end = start + Duration.FromMinutes(90);
        var warmFrom = start - Duration.FromMinutes(30);
        var coolAt = end + Duration.FromMinutes(15);
        var seats = 45;
        var nodes = (int)Math.Ceiling(seats / 7.0);
        var phases = EventPlan.PhasesOf(new HubInfra.Core.Schedule.WarmWindow(warmFrom, coolAt, seats,
                [new HubInfra.Core.Schedule.EventWindow(start.InUtc(), end.InUtc(), seats, "lab")]),
            nodes * 7, Duration.FromMinutes(30), Duration.FromMinutes(60), plan.Event.Stall.MinAttendees(seats));
        plan = plan with { Scaler = plan.Scaler with { Phases = phases } };
        var scenario = new WindowScenario("lab", warmFrom, coolAt, [new SessionScenario(start, end, seats)], seats, nodes, 7, nodes + 2);
        return (plan, scenario);
    }

    [Theory]
    [InlineData(CapacityBackend.Placeholders, 0.3)]
    [InlineData(CapacityBackend.CapacityBuffer, 0.3)]
    [InlineData(CapacityBackend.Placeholders, 0.0)]
    public void Every_look_of_a_simulated_window_is_the_scripts_decision_too(CapacityBackend backend, double noShow)
    {
        var (plan, scenario) = Lab(backend);
        var harness = new ScalerHarness(Path.Combine(_root, $"{backend}-{noShow}"), "sh", plan);
        var looks = 0;
        var changes = 0;
        ScalerDecision Look(ScalerView view)
        {
            var expected = WarmSeatPolicy.Decide(plan.Scaler, view);
            var run = harness.Look(view);
            Assert.True(run.ExitCode == 0, $"{view.Now}: {run.Stderr}");
            if (backend == CapacityBackend.CapacityBuffer)
                Assert.True(expected.Desired == run.BufferReplicas, $"{view.Now}: buffer {run.BufferReplicas}, the policy {expected.Desired}");
            else
            {
                Assert.True(expected.Create == run.Created.Count, $"{view.Now}: created {run.Created.Count}, the policy {expected.Create}");
                Assert.True(expected.Delete.SequenceEqual(run.Deleted),
                    $"{view.Now}: deleted [{string.Join(' ', run.Deleted)}], the policy [{string.Join(' ', expected.Delete)}]");
            }
            looks++;
            if (expected.Create > 0 || expected.Delete.Count > 0 || expected.Desired != view.BufferReplicas) changes++;
            return expected;
        }

        var outcome = WindowSimulator.Run(scenario, Strategy.Plan, plan.Scaler, new SimulationPolicy(backend, false, 5, noShow, 11),
            ClusterTimings.Default, ArrivalCurve.Default, new Random(11), Look);
        Assert.True(looks > 200, $"{looks} looks");
        Assert.True(changes > 10, $"only {changes} looks changed anything");
        Assert.Equal(0, outcome.Unserved);
    }
}
