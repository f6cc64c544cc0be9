using HubInfra.Core.Config;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;

namespace HubInfra.Core.Tests.Planning;

public class LoginStormTests
{
    /// <summary>The inline community with a big event on its hub.</summary>
    private static string Event(int attendees) => $$"""
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: test-community
            hub: main
            profile: small
            timeZone: Europe/Berlin
            attendees: {{attendees}}
            windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]
            pool: { machineType: n2-highmem-16 }
        """;

    private static LoadedStackResult Load(string community, int attendees)
    {
        var c = TestStacks.Inline(community, "test-community").Community;
        var ev = TestStacks.Inline(Event(attendees), "big-event", _ => c);
        return new LoadedStackResult(ev.Problems, TestStacks.PlanOf(ev.Event!, c!));
    }

    private sealed record LoadedStackResult(IReadOnlyList<Problem> Problems, EventPlan Plan);

    [Fact]
    public void The_formulas_scale_with_the_peak_and_keep_the_chart_defaults_as_floors()
    {
        var small = LoginStorm.For(40, 7, ownHub: true, preloaded: false);
        Assert.Equal(64, small.ConcurrentSpawnLimit);
        Assert.Equal(47, small.ActiveServerLimit);
        Assert.Equal(540, small.StartTimeoutSeconds); // 10 + 10 + 120 + 300 + 60 = 500 s → 9 minutes
        Assert.Equal(64, small.ConsecutiveFailureLimit);

        var big = LoginStorm.For(2000, 15, ownHub: false, preloaded: true);
        Assert.Equal(56, big.ArrivalsPerMinute); // 2000 × 70% / 25 min
        Assert.Equal(224, big.ConcurrentSpawnLimit); // 56 × 4 × 1 min
        Assert.Null(big.ActiveServerLimit); // only on the event's own hub
        Assert.Equal(300, big.StartTimeoutSeconds); // preloaded: 200 s, the chart's 300 stays
        Assert.Equal(224, big.ConsecutiveFailureLimit);
        Assert.Equal(1, big.HubCpu); // one Python process: never more than a core
        Assert.Equal(4544L * 1024 * 1024, big.HubMemory.Bytes); // 512 + 2 × 2000 = 4512 → 4544 MiB (64 MiB steps)
        Assert.Equal(1, big.ProxyCpu);
        Assert.Equal(1152L * 1024 * 1024, big.ProxyMemory.Bytes); // 128 + 1000 = 1128 → 1152 MiB
    }

    [Fact]
    public void A_workshop_hub_gets_the_derived_settings_in_its_values()
    {
        var plan = EventPlanOf("workshop-2027");
        var values = plan.WorkshopHub!.Values;
        var hub = (Dictionary<string, object?>)values["hub"]!;
        Assert.Equal(plan.Storm!.ConcurrentSpawnLimit, hub["concurrentSpawnLimit"]);
        Assert.Equal(plan.PeakSeats + plan.Pool.SeatsPerNode, hub["activeServerLimit"]);
        Assert.Equal(plan.Storm.ConsecutiveFailureLimit, hub["consecutiveFailureLimit"]);
        Assert.Equal(540, ((Dictionary<string, object?>)values["singleuser"]!)["startTimeout"]);
        var requests = (Dictionary<string, object?>)((Dictionary<string, object?>)hub["resources"]!)["requests"]!;
        Assert.Equal(plan.Storm.HubCpu, requests["cpu"]);
        var chp = (Dictionary<string, object?>)((Dictionary<string, object?>)values["proxy"]!)["chp"]!;
        Assert.NotNull(chp["resources"]);
    }

    [Fact]
    public void A_community_hub_keeps_the_chart_defaults_unless_its_own_stack_sets_them()
    {
        var plain = CommunityPlan.From(TestStacks.Inline(TestStacks.Community).Community!).Hubs[0].Values;
        Assert.False(((Dictionary<string, object?>)plain["hub"]!).ContainsKey("concurrentSpawnLimit"));
        Assert.False(((Dictionary<string, object?>)plain["singleuser"]!).ContainsKey("startTimeout"));

        var set = CommunityPlan.From(TestStacks.Inline(WithStorm("concurrentSpawnLimit: 300, startTimeoutSeconds: 600")).Community!).Hubs[0].Values;
        Assert.Equal(300, ((Dictionary<string, object?>)set["hub"]!)["concurrentSpawnLimit"]);
        Assert.Equal(600, ((Dictionary<string, object?>)set["singleuser"]!)["startTimeout"]);
    }

    private static string WithStorm(string storm) => TestStacks.Community.Replace(
        "      image: { name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }\n",
        "      image: { name: quay.io/jupyter/scipy-notebook, tag: \"2025-03-14\" }\n      loginStorm: { " + storm + " }\n");

    [Fact]
    public void An_event_on_a_weak_community_hub_is_warned_with_the_keys_and_values_to_set()
    {
        var (problems, plan) = Load(TestStacks.Community, 2000);
        var warning = Assert.Single(problems, p => p.Severity == Severity.Warning && p.Key == "hubinfra:event.hub");
        Assert.Contains("hub.concurrentSpawnLimit is 64, needs 224", warning.Message);
        Assert.Contains("singleuser.startTimeout is 300, needs 540", warning.Message);
        Assert.Contains("hubinfra:hubs[0].loginStorm: { concurrentSpawnLimit: 224", warning.Message);
        Assert.Contains("stacks/Pulumi.test-community.yaml", warning.Message);
        Assert.Null(plan.WorkshopHub);
    }

    [Fact]
    public void Raising_the_community_settings_silences_the_warning()
    {
        var strong = WithStorm("concurrentSpawnLimit: 224, startTimeoutSeconds: 540, consecutiveFailureLimit: 0, hub: { cpu: 1, memory: 5Gi }, proxy: { cpu: 1, memory: 2Gi }");
        var (problems, _) = Load(strong, 2000);
        Assert.DoesNotContain(problems, p => p.Key == "hubinfra:event.hub");
    }

    [Fact]
    public void The_summer_school_finds_its_community_hub_ready()
    {
        var loaded = TestStacks.Example("summer-school-2027");
        Assert.DoesNotContain(loaded.Problems, p => p.Key == "hubinfra:event.hub");
        Assert.Contains(TestStacks.Example("hackathon-2027").Problems, p => p.Key == "hubinfra:event.hub" && p.Severity == Severity.Warning);
    }

    [Theory]
    [InlineData("concurrentSpawnLimit: 0", "loginStorm.concurrentSpawnLimit: must be at least 1")]
    [InlineData("hub: { memory: lots }", "loginStorm.hub.memory: 'lots' is not a size")]
    [InlineData("spawnLimit: 10", "loginStorm.spawnLimit")]
    public void Bad_login_storm_settings_are_errors_naming_the_key(string storm, string expected)
    {
        var errors = TestStacks.Errors(TestStacks.Inline(WithStorm(storm)));
        Assert.Contains(errors, e => e.Contains(expected, StringComparison.Ordinal));
    }

    [Fact]
    public void The_plan_shows_the_storm_settings_and_their_formulas()
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory);
        Assert.True(exit == 0, err);
        Assert.Contains("hub.concurrentSpawnLimit = max(64", output);
        Assert.Contains("hubinfra:event.hub: warning: hub 'main' of community-small is too weak", output.Replace("\n", " ", StringComparison.Ordinal));
        var json = HubInfra.Cli.Program.Run("plan", "--stack", "workshop-2027", "--stacks", TestStacks.Directory, "--format", "json");
        Assert.Contains("\"hub.activeServerLimit\"", json.Out);
    }

    private static EventPlan EventPlanOf(string stack)
    {
        var loaded = TestStacks.Example(stack);
        return loaded.Plan!;
    }
}
