using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Validation;

/// <summary>A community file's maintenance exclusions must satisfy GKE's rules (TestStacks.Now is 2026-11-23).</summary>
public class MaintenanceExclusionValidationTests
{
    private static LoadedStackProblems Load(string exclusions) =>
        new(TestStacks.Inline(TestStacks.Community + "\n  hubinfra:cluster:\n    maintenanceExclusions:\n" + exclusions).Problems);

    private sealed record LoadedStackProblems(IReadOnlyList<Problem> Problems)
    {
        public IReadOnlyList<string> Errors => Problems.Where(p => p.Severity == Severity.Error).Select(p => p.ToString()).ToList();

        public IReadOnlyList<string> Warnings => Problems.Where(p => p.Severity == Severity.Warning).Select(p => p.ToString()).ToList();
    }

    [Fact]
    public void A_fifty_day_no_upgrades_exclusion_is_an_error_at_its_index()
    {
        var p = Load("""
                  - { name: short, start: "2027-01-04T00:00:00Z", end: "2027-01-08T00:00:00Z" }
                  - { name: long, start: "2027-07-01T00:00:00Z", end: "2027-08-20T00:00:00Z" }
            """);
        // Fifty days without upgrades also leave no maintenance availability: that is a second error.
        var error = Assert.Single(p.Errors, e => e.Contains("lasts", StringComparison.Ordinal));
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[1]: 'long' lasts 50 days", error);
        Assert.Contains("end it by 2027-07-31T00:00:00Z", error);
        Assert.Contains("scope: NO_MINOR_OR_NODE_UPGRADES", error);
    }

    [Fact]
    public void The_same_fifty_days_with_the_node_scope_pass()
    {
        var p = Load("""
                  - { name: long, start: "2027-03-01T00:00:00Z", end: "2027-04-20T00:00:00Z", scope: NO_MINOR_OR_NODE_UPGRADES }
            """);
        Assert.Empty(p.Problems);
    }

    [Fact]
    public void Five_no_upgrades_exclusions_are_refused_at_the_fourth()
    {
        var p = Load(string.Concat(Enumerable.Range(1, 5).Select(i =>
            $"      - {{ name: ex-{i}, start: \"2027-0{i}-10T00:00:00Z\", end: \"2027-0{i}-12T00:00:00Z\" }}\n")));
        var error = Assert.Single(p.Errors);
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[3]: 5 NO_UPGRADES exclusions, but GKE allows at most 3", error);
    }

    [Fact]
    public void Twenty_one_exclusions_are_refused_at_the_twenty_first()
    {
        var p = Load(string.Concat(Enumerable.Range(1, 21).Select(i =>
            $"      - {{ name: ex-{i}, start: \"2027-01-{i:00}T10:00:00Z\", end: \"2027-01-{i:00}T12:00:00Z\", scope: NO_MINOR_UPGRADES }}\n")));
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[20]: 21 exclusions, but GKE allows at most 20", Assert.Single(p.Errors));
    }

    [Fact]
    public void No_upgrades_exclusions_must_leave_48_hours_of_availability_in_32_days()
    {
        // Two 25-day exclusions three days apart: a 31-day span holds at most 4 free daily windows (16 h).
        var p = Load("""
                  - { name: first, start: "2027-02-01T00:00:00Z", end: "2027-02-26T00:00:00Z" }
                  - { name: second, start: "2027-03-01T00:00:00Z", end: "2027-03-26T00:00:00Z" }
            """);
        var error = Assert.Single(p.Errors);
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[0]: the NO_UPGRADES exclusions leave ", error);
        Assert.Contains("at least 48 hours in every 32-day window", error);

        // Twelve free daily windows between them are enough.
        Assert.Empty(Load("""
                  - { name: first, start: "2027-02-01T00:00:00Z", end: "2027-02-15T00:00:00Z" }
                  - { name: second, start: "2027-02-27T00:00:00Z", end: "2027-03-01T00:00:00Z" }
            """).Problems);
    }

    [Fact]
    public void A_minor_scope_exclusion_may_end_at_most_180_days_after_it_is_created()
    {
        var p = Load("""
                  - { name: far, start: "2027-04-01T00:00:00Z", end: "2027-06-30T00:00:00Z", scope: NO_MINOR_UPGRADES }
            """);
        var error = Assert.Single(p.Errors);
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[0]: 'far' (NO_MINOR_UPGRADES) ends 219 days from now", error);
        Assert.Contains("add it after 2027-01-01T00:00:00Z", error);
    }

    [Fact]
    public void Past_exclusions_are_warnings_to_remove_not_errors()
    {
        var p = Load("""
                  - { name: old, start: "2026-01-01T00:00:00Z", end: "2026-03-01T00:00:00Z" }
            """);
        Assert.Empty(p.Errors);
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[0]: warning: 'old' ended at 2026-03-01T00:00:00Z; remove it", Assert.Single(p.Warnings));
    }

    [Fact]
    public void Names_must_be_unique_and_scopes_known()
    {
        var p = Load("""
                  - { name: same, start: "2027-01-04T00:00:00Z", end: "2027-01-05T00:00:00Z" }
                  - { name: same, start: "2027-02-04T00:00:00Z", end: "2027-02-05T00:00:00Z", scope: NO_DOWNTIME }
            """);
        Assert.Contains(p.Errors, e => e.StartsWith("hubinfra:cluster.maintenanceExclusions[1]: name 'same' is used by more than one", StringComparison.Ordinal));
        Assert.Contains(p.Errors, e => e.StartsWith("hubinfra:cluster.maintenanceExclusions[1].scope: 'NO_DOWNTIME' is not a GKE exclusion scope; use one of NO_UPGRADES", StringComparison.Ordinal));
    }
}

public class ExclusionScopeChannelTests
{
    [Fact]
    public void Scopes_other_than_no_upgrades_need_a_release_channel()
    {
        var errors = TestStacks.Errors(TestStacks.Inline(TestStacks.Community + """

              hubinfra:cluster:
                releaseChannel: UNSPECIFIED
                maintenanceExclusions:
                  - { name: course, start: "2027-01-04T00:00:00Z", end: "2027-02-20T00:00:00Z", scope: NO_MINOR_OR_NODE_UPGRADES }
            """));
        var error = Assert.Single(errors);
        Assert.StartsWith("hubinfra:cluster.maintenanceExclusions[0]: 'course' has scope NO_MINOR_OR_NODE_UPGRADES, but GKE allows scopes other than NO_UPGRADES only on clusters in a release channel", error);
    }
}

/// <summary>What validate says of an event's exclusions: when they can be added, and nothing once the cluster has them.</summary>
public class EventExclusionAdviceTests
{
    /// <summary>A ten-week course on the test community, far enough ahead (from TestStacks.Now) that its exclusion cannot be added yet.</summary>
    private const string Course = """
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: test
            hub: main
            profile: small
            timeZone: Europe/Berlin
            attendees: 20
            daily: [ { from: 2027-06-07, to: 2027-08-13, start: "09:00", end: "17:00" } ]
        """;

    [Fact]
    public void A_course_warns_when_to_add_its_exclusion_until_the_cluster_has_it_then_says_nothing()
    {
        var bare = TestStacks.Inline(TestStacks.Community).Community!;
        var first = TestStacks.Inline(Course, "course", _ => bare, communityElsewhere: true);
        var error = Assert.Single(first.Problems, p => p.Key == "hubinfra:event.windows").ToString();
        Assert.Contains("not covered by a maintenance exclusion", error);
        Assert.Contains("GKE accepts a NO_MINOR_OR_NODE_UPGRADES exclusion only if it ends at most 180 days after it is created: add course-1 on or after 2027-02-", error);
        Assert.DoesNotContain("on or after 2026", error); // TestStacks.Now is 2026-11-23: never a past date

        var plan = TestStacks.PlanOf(first.Event!, bare);
        var entries = string.Concat(plan.Exclusions.Exclusions.Select(e =>
            $"      - {{ name: {e.Name}, start: \"{HubInfra.Core.Planning.PlanDocument.Utc(e.Start)}\", end: \"{HubInfra.Core.Planning.PlanDocument.Utc(e.End)}\", scope: {HubInfra.Core.Schedule.ExclusionScopes.GkeName(e.Scope)} }}\n"));
        var covered = TestStacks.Inline(TestStacks.Community + "\n  hubinfra:cluster:\n    maintenanceExclusions:\n" + entries).Community!;
        var second = TestStacks.Inline(Course, "course", _ => covered, communityElsewhere: true);
        Assert.DoesNotContain(second.Problems, p => p.Key == "hubinfra:event.windows");
    }

    [Fact]
    public void Beside_its_community_a_course_is_told_from_which_day_the_communitys_deployment_adds_its_exclusion()
    {
        var bare = TestStacks.Inline(TestStacks.Community).Community!;
        var loaded = TestStacks.Inline(Course, "course", _ => bare);
        var problem = Assert.Single(loaded.Problems, p => p.Key == "hubinfra:event.windows");
        Assert.Equal(Severity.Warning, problem.Severity);
        Assert.DoesNotContain("add to hubinfra:cluster.maintenanceExclusions", problem.Message);
        Assert.Contains("add course-1 on or after 2027-02-", problem.Message);
        Assert.EndsWith("run pulumi up -s test on or after that day", problem.Message);
    }
}
