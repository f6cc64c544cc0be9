using HubInfra.Core.Binding;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Stacks;

namespace HubInfra.Core.Tests.Binding;

/// <summary>
/// An event is resolved against its community once: hub, profile, pool, machine type and prices are looked up by the
/// resolver, every one that is not found is a problem at the event's key with a fix, and the planner takes only the
/// resolved event (so it has nothing left to look up and cannot fail).
/// </summary>
public class EventResolverTests
{
    private static CommunityStack Small => TestStacks.Example("community-small").Community!;

    private static EventSettings Event(string body = "", string hub = "main", string profile = "small", string capacity = "") =>
        TestStacks.Inline($$"""
            config:
              hubinfra:kind: event
            {{capacity}}
              hubinfra:event:
                community: community-small
                hub: {{hub}}
                profile: {{profile}}
                timeZone: America/New_York
                attendees: 80
                windows: [ { start: 2027-03-06T09:00, end: 2027-03-06T18:00 } ]
            {{body}}
            """, "resolve-test", name => TestStacks.Example(name).Community).Event!;

    [Fact]
    public void An_event_on_a_community_hub_resolves_to_its_hub_profile_pool_machine_and_regional_prices()
    {
        var resolution = EventResolver.Resolve(Event(), Small);
        Assert.Empty(resolution.Problems);
        var r = Assert.IsType<ResolvedEvent>(resolution.Event);
        Assert.Equal("main", r.Hub.Name);
        Assert.Equal("small", r.Profile.Name);
        Assert.Equal("user", r.Pool.Name);
        Assert.Same(r.CommunityPool, r.Pool);
        Assert.Equal("n2-highmem-4", r.Machine.Name);
        Assert.Equal("us-central1", r.Capacity.Prices.Region);
        Assert.Single(r.Calendar.Windows);
        Assert.False(r.OwnPool);

        var plan = EventPlan.From(r);
        Assert.Equal(r.Machine.Name, plan.Pool.MachineType);
        Assert.Equal(r.Pool.MaxNodes, plan.Pool.MaxNodes);
    }

    [Fact]
    public void An_events_own_pool_resolves_as_a_user_pool_named_like_the_profiles_pool()
    {
        var r = EventResolver.Resolve(Event("    pool: { machineType: n2-highmem-8 }"), Small).Event!;
        Assert.True(r.OwnPool);
        Assert.Equal("user", r.Pool.Name);
        Assert.Equal("n2-highmem-8", r.Machine.Name);
        Assert.Equal("n2-highmem-4", r.CommunityPool!.MachineType);
        Assert.NotNull(EventPlan.From(r).Pool.Dedicated);
    }

    public static TheoryData<string, string, string, string, string> Unresolvable() => new()
    {
        { "", "lab", "small", "hubinfra:event.hub", "is not a hub of community-small; use one of: main" },
        { "", "main", "huge", "hubinfra:event.profile", "is not a profile of hub 'main'; use one of: small, medium" },
        { "    pool: { machineType: n9-mega-4 }", "main", "small", "hubinfra:event.pool.machineType", "is not a GCE machine type we know" },
    };

    [Theory]
    [MemberData(nameof(Unresolvable))]
    public void A_reference_that_is_not_found_is_a_problem_at_its_key_and_nothing_to_plan(string body, string hub, string profile, string key, string says)
    {
        var resolution = EventResolver.Resolve(Event(body, hub, profile), Small);
        Assert.Null(resolution.Event);
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal(key, problem.Key);
        Assert.Contains(says, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_profile_on_a_pool_the_community_lacks_says_to_add_it_or_give_the_event_a_pool()
    {
        var community = Small with { UserPools = [] };
        var problem = Assert.Single(EventResolver.Resolve(Event(), community).Problems);
        Assert.Equal("hubinfra:event.profile", problem.Key);
        Assert.Contains("runs on pool 'user', which community-small does not have", problem.Message, StringComparison.Ordinal);
        Assert.Contains("event.pool", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_community_pool_of_an_unknown_machine_type_is_named_with_the_community_file_to_fix()
    {
        var community = Small with { UserPools = [Small.UserPools[0] with { MachineType = "n2-highmem-3" }] };
        var resolution = EventResolver.Resolve(Event(), community, "stacks/Pulumi.community-small.yaml");
        Assert.Null(resolution.Event);
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal("hubinfra:event.profile", problem.Key);
        Assert.Contains("'n2-highmem-3'", problem.Message, StringComparison.Ordinal);
        Assert.Contains("fix it in stacks/Pulumi.community-small.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_pool_the_events_prices_cannot_price_does_not_resolve_so_no_cost_is_ever_zero()
    {
        var ev = Event(capacity: "  hubinfra:capacity:\n    prices: { currency: EUR, asOf: \"2026-12-01\", families: { e2: { vcpuHour: 0.02, gibHour: 0.003 } } }");
        var resolution = EventResolver.Resolve(ev, Small);
        Assert.Null(resolution.Event);
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal("hubinfra:capacity.prices.families", problem.Key);
        Assert.Contains("no EUR price for machine series n2", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_community_profile_without_usable_guarantees_does_not_resolve_and_points_at_the_community_file()
    {
        var hub = Small.Hubs[0];
        var broken = hub with { Profiles = [hub.Profiles[0] with { MemoryGuarantee = default }, .. hub.Profiles.Skip(1)] };
        var resolution = EventResolver.Resolve(Event(), Small with { Hubs = [broken] }, "stacks/Pulumi.community-small.yaml");
        Assert.Null(resolution.Event);
        var problem = Assert.Single(resolution.Problems);
        Assert.Equal("hubinfra:event.profile", problem.Key);
        Assert.Contains("no usable cpu and memory guarantee; fix it in stacks/Pulumi.community-small.yaml", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_planner_takes_only_a_resolved_event_and_always_returns_a_plan()
    {
        // Nobody outside the core makes a ResolvedEvent but the resolver; the planner's one entry takes it and gives
        // a plan that is never null.
        Assert.Empty(typeof(ResolvedEvent).GetConstructors());
        var planners = typeof(EventPlan).GetMethods(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(EventPlan)).ToList();
        var from = Assert.Single(planners);
        Assert.Equal([typeof(ResolvedEvent)], from.GetParameters().Select(p => p.ParameterType));
        Assert.Equal(System.Reflection.NullabilityState.NotNull, new System.Reflection.NullabilityInfoContext().Create(from.ReturnParameter).ReadState);
    }

    [Fact]
    public void The_loader_plans_once_from_the_resolution_and_keeps_the_plan()
    {
        var loaded = TestStacks.Example("hackathon-2027");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var plan = Assert.IsType<EventPlan>(loaded.Plan);
        // The same resolution planned again gives the same plan: the loader's is the one every command uses.
        var again = EventPlan.From(EventResolver.Resolve(loaded.Event!, loaded.Community!).Event!);
        Assert.Equal(PlanDocument.Json(PlanDocument.Event(again)), PlanDocument.Json(PlanDocument.Event(plan)));
    }

    [Fact]
    public void An_event_that_does_not_resolve_has_no_plan_and_says_why()
    {
        var loaded = TestStacks.Inline("""
            config:
              hubinfra:kind: event
              hubinfra:event:
                community: community-small
                hub: lab
                profile: small
                timeZone: America/New_York
                attendees: 80
                windows: [ { start: 2027-03-06T09:00, end: 2027-03-06T18:00 } ]
            """, "no-hub", name => TestStacks.Example(name).Community);
        Assert.Null(loaded.Plan);
        Assert.Contains(loaded.Errors, p => p.Key == "hubinfra:event.hub");
    }
}
