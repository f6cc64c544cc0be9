using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Tests.Planning;

/// <summary>
/// The community's cluster gets the maintenance exclusions its events need from their stack files
/// (TestStacks.Now is 2026-11-23): the stack file's entries, then each event's, within GKE's rules.
/// </summary>
public class CommunityEventsTests
{
    /// <summary>A three-hour morning in Berlin on community-small: 07:00–10:00 UTC, warm from before.</summary>
    private static string Event(string windows = "[ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]", string community = "community-small") => $$"""
        config:
          hubinfra:kind: event
          hubinfra:event:
            community: {{community}}
            hub: main
            profile: small
            timeZone: Europe/Berlin
            attendees: 20
            windows: {{windows}}
        """;

    private static CommunityStack Small(params MaintenanceExclusionSettings[] own)
    {
        var c = TestStacks.Examples().Community("community-small")!;
        return c with { Cluster = c.Cluster with { MaintenanceExclusions = own } };
    }

    private static EventSettings Bind(string name, string yaml)
    {
        var problems = new List<Problem>();
        var ev = EventBinder.Bind(StackFile.Parse(name, yaml), problems);
        Assert.Empty(problems);
        return ev!;
    }

    private static MaintenanceExclusionSettings Own(string name, int month, int day, ExclusionScope scope = ExclusionScope.NoUpgrades) =>
        new(name, Instant.FromUtc(2027, month, day, 0, 0), Instant.FromUtc(2027, month, day, 12, 0), scope);

    [Fact]
    public void The_cluster_gets_its_own_entries_and_each_events_exclusions_named_after_the_event()
    {
        var community = Small(Own("exams", 2, 1));
        var ev = Bind("may-day", Event());
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [ev]), TestStacks.Now);

        Assert.Empty(result.Unfit);
        Assert.Equal(["exams", "may-day-1"], result.Exclusions.Select(e => e.Name));
        Assert.Equal([ClusterExclusion.StackFile, "event may-day"], result.Exclusions.Select(e => e.Source));
        var derived = result.Exclusions[1];
        var planned = Assert.Single(TestStacks.PlanOf(ev, community).Exclusions.Exclusions);
        Assert.Equal((planned.Start, planned.End, ExclusionScope.NoUpgrades), (derived.Start, derived.End, derived.Scope));
        Assert.True(derived.Start <= Instant.FromUtc(2027, 5, 1, 7, 0) && derived.End >= Instant.FromUtc(2027, 5, 1, 10, 0));
    }

    [Fact]
    public void Events_of_other_communities_and_past_events_add_nothing()
    {
        var community = Small();
        var other = Bind("elsewhere", Event(community: "community-gpu")
            .Replace("hub: main", "hub: courses").Replace("profile: small", "profile: cpu"));
        var past = Bind("last-year", Event("[ { start: 2026-05-01T09:00, end: 2026-05-01T12:00 } ]"));
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [other, past]), TestStacks.Now);
        Assert.Empty(result.Exclusions);
        Assert.Empty(result.Notes);
    }

    [Fact]
    public void A_window_the_stack_file_already_covers_gets_no_second_exclusion()
    {
        var community = Small(new MaintenanceExclusionSettings("spring", Instant.FromUtc(2027, 4, 30, 0, 0), Instant.FromUtc(2027, 5, 2, 0, 0)));
        var ev = Bind("may-day", Event());
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [ev]), TestStacks.Now);
        Assert.Equal(["spring"], result.Exclusions.Select(e => e.Name));
    }

    [Fact]
    public void Two_events_at_the_same_time_share_the_first_ones_exclusion()
    {
        var community = Small();
        var a = Bind("a-course", Event());
        var b = Bind("b-course", Event());
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [b, a]), TestStacks.Now);
        Assert.Equal("event a-course", Assert.Single(result.Exclusions).Source);
    }

    [Fact]
    public void With_three_no_upgrades_entries_in_the_file_the_events_keep_the_nodes_instead_and_say_so()
    {
        var community = Small(Own("one", 1, 10), Own("two", 2, 10), Own("three", 3, 10));
        var ev = Bind("may-day", Event("[ { start: 2027-04-01T09:00, end: 2027-04-01T12:00 } ]"));
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [ev]), TestStacks.Now);
        var derived = Assert.Single(result.Exclusions, e => e.Source == "event may-day");
        Assert.Equal(ExclusionScope.NoMinorOrNodeUpgrades, derived.Scope);
        Assert.Contains(result.Notes, n => n.StartsWith("event may-day: with the cluster's 3 current exclusions, NO_UPGRADES would break GKE's rules", StringComparison.Ordinal));
        Assert.Empty(result.Unfit);
    }

    [Fact]
    public void An_exclusion_gke_accepts_only_later_is_left_out_with_the_day_to_add_it()
    {
        // Far ahead: as NO_MINOR_OR_NODE_UPGRADES (three NO_UPGRADES are taken) it ends more than 180 days after now.
        var community = Small(Own("one", 1, 10), Own("two", 2, 10), Own("three", 3, 10));
        var ev = Bind("autumn", Event("[ { start: 2027-10-01T09:00, end: 2027-10-01T12:00 } ]"));
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [ev]), TestStacks.Now);
        Assert.DoesNotContain(result.Exclusions, e => e.Source == "event autumn");
        var unfit = Assert.Single(result.UnfitFor("autumn"));
        Assert.True(unfit.Waiting);
        Assert.Contains("add autumn-1 on or after 2027-04-0", unfit.Reason);
        Assert.Contains(result.Notes, n => n.StartsWith("event autumn needs autumn-1 (", StringComparison.Ordinal));
    }

    [Fact]
    public void An_exclusion_that_would_break_a_rule_is_left_out_naming_the_rule()
    {
        // The file already uses the event's name for another period: GKE keys exclusions by name.
        var community = Small(Own("may-day-1", 2, 1));
        var ev = Bind("may-day", Event());
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [ev]), TestStacks.Now);
        Assert.Equal([ClusterExclusion.StackFile], result.Exclusions.Select(e => e.Source));
        var unfit = Assert.Single(result.Unfit);
        Assert.Equal("may-day", unfit.Event);
        Assert.False(unfit.Waiting);
        Assert.Contains("name 'may-day-1' is used by more than one exclusion", unfit.Reason);
    }

    [Fact]
    public void The_twenty_first_exclusion_is_left_out()
    {
        var own = Enumerable.Range(1, 20).Select(i => Own($"term-{i}", 1 + i % 3, 1 + i, ExclusionScope.NoMinorUpgrades)).ToArray();
        var community = Small(own);
        var ev = Bind("may-day", Event());
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [ev]), TestStacks.Now);
        Assert.Equal(20, result.Exclusions.Count);
        Assert.Contains("21 exclusions, but GKE allows at most 20", Assert.Single(result.Unfit).Reason);
    }

    [Fact]
    public void A_short_event_inside_a_longer_ones_exclusion_adds_none_whatever_their_names()
    {
        var community = Small();
        var course = Bind("z-course", Event("[ { start: 2027-05-01T09:00, end: 2027-05-01T17:00 } ]"));
        var lab = Bind("a-lab", Event("[ { start: 2027-05-01T13:00, end: 2027-05-01T15:00 } ]"));
        var result = CommunityEvents.Exclusions(community, CommunityEvents.Plans(community, [lab, course]), TestStacks.Now);
        Assert.Equal("event z-course", Assert.Single(result.Exclusions).Source);
    }
}
