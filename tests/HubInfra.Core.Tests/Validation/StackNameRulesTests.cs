using HubInfra.Cli;
using HubInfra.Core.Config;
using HubInfra.Core.Planning;
using HubInfra.Core.Validation;
using HubInfra.Core.Stacks;
using HubInfra.Core.Model;

namespace HubInfra.Core.Tests.Validation;

/// <summary>
/// Names derived from a stack's name are never cut or rewritten: two stacks would share cluster-wide objects (an
/// event's namespace and PriorityClass) and destroying one would delete the other's.
/// </summary>
public sealed class StackNameRulesTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("stacks-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private StackSet Folder(params (string Name, string Yaml)[] stacks)
    {
        File.Copy(Path.Combine(TestStacks.Directory, "Pulumi.community-small.yaml"), Path.Combine(_dir, "Pulumi.community-small.yaml"), overwrite: true);
        foreach (var (name, yaml) in stacks)
            File.WriteAllText(Path.Combine(_dir, $"Pulumi.{name}.yaml"), yaml);
        return new StackSet(_dir, TestStacks.Now);
    }

    private const string Event = """
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: community-small
            hub: main
            profile: small
            timeZone: UTC
            attendees: 20
            windows: [ { start: "2027-05-03T09:00", end: "2027-05-03T12:00" } ]
        """;

    private static List<Problem> NameProblems(LoadedStack stack) =>
        stack.Errors.Where(p => p.InFile && p.Message.Contains("stack name")).ToList();

    [Fact]
    public void Two_events_whose_long_names_share_their_first_63_characters_are_both_refused()
    {
        // Cut to 63 characters, both would be one namespace and one PriorityClass: destroying either deletes both's.
        var common = "summer-school-on-computational-methods-in-the-life-sciences-2027";
        var a = common + "-spring";
        var b = common + "-autumn";
        Assert.Equal(Naming.Label($"{a}-capacity"), Naming.Label($"{b}-capacity")); // the collision the rule prevents
        var set = Folder((a, Event), (b, Event));
        foreach (var name in new[] { a, b })
        {
            var problem = Assert.Single(NameProblems(set.Load(name)));
            var line = problem.Format(StackFile.PathIn(_dir, name));
            Assert.StartsWith($"{StackFile.PathIn(_dir, name)}: the event stack name '{name}'", line);
            Assert.Contains("would be cut to 63", problem.Message);
            Assert.Contains("rename the stack to at most 42", problem.Message);
        }
    }

    [Fact]
    public void An_event_name_of_43_characters_is_refused_because_its_priority_class_would_be_cut()
    {
        const string name = "summer-school-on-computational-methods-2027";
        Assert.Equal(StackNameRules.EventNameMax + 1, name.Length);
        var problem = Assert.Single(NameProblems(Folder((name, Event)).Load(name)));
        Assert.Contains($"its PriorityClass '{name}-placeholder-priority' has 64 characters and would be cut to 63", problem.Message);
    }

    [Fact]
    public void An_event_name_of_42_characters_names_every_object_whole()
    {
        const string name = "summer-school-on-computational-methods-202";
        Assert.Equal(StackNameRules.EventNameMax, name.Length);
        var loaded = Folder((name, Event)).Load(name);
        Assert.Empty(NameProblems(loaded));
        var plan = loaded.Plan!;
        Assert.Equal($"{name}-placeholder-priority", plan.PlaceholderPriorityClass);
        Assert.Equal($"{name}-capacity", plan.CapacityNamespace);
        Assert.Equal($"{name}-scaler-state", EventManifests.StateName(plan));
        // Every name the rule checks is one the plan uses.
        var used = new[] { plan.CapacityNamespace, plan.PlaceholderPriorityClass, EventManifests.ScalerName(plan), EventManifests.StateName(plan),
            (string)EventManifests.CommonLabels(plan)[Labels.Event]! };
        Assert.Equal(used, StackNameRules.EventDerivedNames(name).Select(d => d.Name));
    }

    [Theory]
    [InlineData("Course-A")]
    [InlineData("course_a")]
    [InlineData("course.a")]
    public void An_event_name_that_would_be_rewritten_is_refused(string name)
    {
        // Each comes out as 'course-a', like the stack course-a: their namespaces would be one.
        var problem = Assert.Single(NameProblems(Folder((name, Event)).Load(name)));
        Assert.Contains("is not a DNS label and would be rewritten as 'course-a-capacity'", problem.Message);
    }

    [Fact]
    public void A_community_named_too_long_for_its_default_cluster_name_is_refused_unless_the_cluster_is_named()
    {
        var name = "community-of-computational-linguistics"; // 38: hub-<name> is 42, over GKE's 40
        var yaml = TestStacks.Community;
        Assert.DoesNotContain("hubinfra:cluster:", yaml);
        var problem = Assert.Single(NameProblems(TestStacks.Inline(yaml, name)));
        Assert.Contains($"default cluster name 'hub-{name}'", problem.Message);
        Assert.Contains("rename the stack to at most 36", problem.Message);
        Assert.Contains("or set hubinfra:cluster.name", problem.Message);
        var named = yaml.Replace("config:\n", "config:\n  hubinfra:cluster:\n    name: colling\n", StringComparison.Ordinal);
        Assert.Empty(NameProblems(TestStacks.Inline(named, name)));
    }

    [Fact]
    public void A_cluster_name_whose_node_service_account_id_would_be_cut_is_refused()
    {
        var yaml = TestStacks.Community;
        string WithCluster(string cluster) => yaml.Replace("config:\n", $"config:\n  hubinfra:cluster:\n    name: {cluster}\n", StringComparison.Ordinal);
        Assert.DoesNotContain(TestStacks.Inline(WithCluster(new string('a', 24))).Errors, p => p.Message.Contains("node service account"));
        var error = Assert.Single(TestStacks.Inline(WithCluster(new string('a', 25))).Errors, p => p.Message.Contains("node service account"));
        Assert.Equal("hubinfra:cluster.name", error.Key);
        Assert.Contains("1-24 characters", error.Message);
    }

    [Fact]
    public void A_hub_whose_static_ip_name_would_be_cut_is_refused_at_its_name()
    {
        string With(string hub) => TestStacks.Community
            .Replace("config:\n", "config:\n  hubinfra:cluster:\n    name: physics-and-astronomy\n", StringComparison.Ordinal)
            .Replace("- name: main\n", $"- name: {hub}\n", StringComparison.Ordinal);
        var fits = new string('h', 63 - "physics-and-astronomy".Length - 4); // physics-and-astronomy-hhh…-ip: 63
        Assert.DoesNotContain(TestStacks.Inline(With(fits)).Errors, p => p.Message.Contains("static IP"));
        var error = Assert.Single(TestStacks.Inline(With(fits + "h")).Errors, p => p.Message.Contains("static IP"));
        Assert.Equal("hubinfra:hubs[0].name", error.Key);
        Assert.Contains($"shorten the hub name to at most {fits.Length} characters", error.Message);
    }

    [Fact]
    public void The_example_stacks_have_names_that_fit()
    {
        foreach (var file in StackFile.FindAll(TestStacks.Directory))
            Assert.Empty(NameProblems(TestStacks.Examples().Load(StackFile.StackNameOf(file))));
    }
}
