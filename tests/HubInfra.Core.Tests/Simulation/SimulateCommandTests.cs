using System.Text.Json;

namespace HubInfra.Core.Tests.Simulation;

public class SimulateCommandTests
{
    [Theory]
    [InlineData("summer-school-2027")]
    [InlineData("hackathon-2027")]
    [InlineData("workshop-2027")]
    public void Simulate_prints_both_strategies_for_every_example_event(string stack)
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("simulate", "--stack", stack, "--stacks", TestStacks.Directory);
        Assert.True(exit == 0, err);
        Assert.Contains("no pre-warm", output);
        Assert.Contains("this plan", output);
        foreach (var row in new[] { "wait p50", "wait p95", "wait max", "peak nodes", "node-hours", "cost" })
            Assert.Contains(row, output);
        Assert.Contains("goal for this plan", output);
        Assert.DoesNotContain("issue", output);
        Assert.Contains("person-window", output); // a person at ten windows counts ten times
        Assert.Contains("<= 15 s: met", output); // the plan's warm seats make every example start within seconds
    }

    [Fact]
    public void Simulate_json_is_deterministic_and_shows_the_policy_and_both_strategies()
    {
        var a = HubInfra.Cli.Program.Run("simulate", "--stack", "summer-school-2027", "--stacks", TestStacks.Directory, "--format", "json", "--no-show", "0.3");
        var b = HubInfra.Cli.Program.Run("simulate", "--stack", "summer-school-2027", "--stacks", TestStacks.Directory, "--format", "json", "--no-show", "0.3");
        Assert.True(a.Exit == 0, a.Err);
        Assert.Equal(a.Out, b.Out);
        using var doc = JsonDocument.Parse(a.Out);
        var root = doc.RootElement;
        Assert.Equal(30, root.GetProperty("policy").GetProperty("tracking").GetProperty("intervalSeconds").GetInt32());
        Assert.Equal(0.3, root.GetProperty("policy").GetProperty("noShow").GetDouble());
        var none = root.GetProperty("strategies").GetProperty("noPrewarm");
        var plan = root.GetProperty("strategies").GetProperty("plan");
        Assert.True(plan.GetProperty("waitSeconds").GetProperty("p95").GetDouble() < none.GetProperty("waitSeconds").GetProperty("p95").GetDouble());
        Assert.Equal(none.GetProperty("personWindows").GetInt32(), plan.GetProperty("personWindows").GetInt32());
    }

    [Fact]
    public void A_longer_pull_makes_waiting_without_prewarm_longer()
    {
        static double P50(string pull)
        {
            var r = HubInfra.Cli.Program.Run("simulate", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory, "--format", "json", "--pull-minutes", pull);
            Assert.True(r.Exit == 0, r.Err);
            using var doc = JsonDocument.Parse(r.Out);
            return doc.RootElement.GetProperty("strategies").GetProperty("noPrewarm").GetProperty("waitSeconds").GetProperty("p50").GetDouble();
        }
        Assert.True(P50("15") > P50("2") + 10 * 60);
    }

    [Theory]
    [InlineData("--no-show", "1.5", "--no-show")]
    [InlineData("--no-show", "-0.1", "--no-show")]
    [InlineData("--pull-minutes", "-3", "--pull-minutes")]
    public void Simulate_refuses_values_outside_their_range(string option, string value, string expected)
    {
        var (exit, _, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory, option, value);
        Assert.Equal(1, exit);
        Assert.Contains(expected, err);
    }

    [Fact]
    public void Simulate_says_it_needs_an_event_stack()
    {
        var (exit, _, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "community-small", "--stacks", TestStacks.Directory);
        Assert.Equal(1, exit);
        Assert.Contains("needs an event stack", err);
    }
}

public class SimulationPolicyTests
{
    [Fact]
    public void The_policy_is_the_plans_tracking_and_release()
    {
        var loaded = TestStacks.Example("summer-school-2027");
        var plan = loaded.Plan!;
        var policy = HubInfra.Core.Simulation.SimulationPolicy.From(plan, noShowFraction: 0.3);
        Assert.Equal(plan.Backend, policy.Backend);
        Assert.False(policy.Preloaded);
        Assert.Equal(HubInfra.Core.Scaling.ClusterTimings.DefaultPullMinutes, policy.PullMinutes);
        Assert.Equal(0.3, policy.NoShowFraction);

        var sim = HubInfra.Core.Simulation.EventSimulation.Run(plan, policy);
        Assert.Equal(plan.Scaler.Phases, sim.Spec.Phases); // simulate runs the plan's own scaler spec
        Assert.Equal(30, sim.Spec.IntervalSeconds);
        Assert.Equal(plan.Windows.Count, sim.Windows);
        Assert.Equal(sim.NoPrewarm.People, sim.Plan.People);
        Assert.Equal(plan.Windows.Sum(w => (int)Math.Round(w.Seats * 0.7)), sim.Plan.People);
    }
}

public class SimulateLimitsTests
{
    [Fact]
    public void An_event_too_large_to_simulate_is_refused_with_a_way_out_instead_of_hanging()
    {
        var yaml = File.ReadAllText(Path.Combine(TestStacks.Directory, "Pulumi.summer-school-2027.yaml")).Replace("attendees: 400", "attendees: 90000");
        var community = TestStacks.Example("community-gpu").Community;
        var stack = TestStacks.Inline(yaml, "huge-school", _ => community);
        var plan = TestStacks.PlanOf(stack.Event!, community!);
        var refusal = HubInfra.Cli.SimulateCommand.Refusal(plan);
        Assert.NotNull(refusal);
        Assert.Contains("more than simulate models in one run", refusal);
        Assert.Null(HubInfra.Cli.SimulateCommand.Refusal(TestStacks.PlanOf(TestStacks.Example("summer-school-2027").Event!, community!)));
    }
}
