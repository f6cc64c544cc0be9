using HubInfra.Cli;
using HubInfra.Core.Config;
using HubInfra.Core.Planning;
using NodaTime;
using HubInfra.Core.Stacks;

namespace HubInfra.Core.Tests;

/// <summary>The example stacks shipped in stacks/ (copied next to the tests), and inline stacks for edge cases.</summary>
public static class TestStacks
{
    /// <summary>A fixed "now" before every example event, so tests do not turn red with the calendar.</summary>
    public static readonly Instant Now = Instant.FromUtc(2026, 11, 23, 0, 0);

    public static string Directory => Path.Combine(AppContext.BaseDirectory, "stacks");

    public static StackSet Examples() => new(Directory, Now);

    public static LoadedStack Example(string name) => Examples().Load(name);

    /// <summary>
    /// A stack from text. An event is checked as if its file sat beside its community's (the example stacks), so the
    /// community's cluster gets its maintenance exclusions; <paramref name="communityElsewhere"/> checks it as an event
    /// whose community is deployed from another folder.
    /// </summary>
    public static LoadedStack Inline(string yaml, string name = "test", Func<string, Model.CommunityStack?>? community = null, bool communityElsewhere = false) =>
        StackLoader.Load(StackFile.Parse(name, yaml), community, Now, exclusionsDerived: !communityElsewhere);

    /// <summary>The plan of an event resolved against a community other than the one it was loaded with (it must resolve).</summary>
    public static EventPlan PlanOf(Model.EventSettings ev, Model.CommunityStack community) =>
        EventPlan.From(HubInfra.Core.Binding.EventResolver.Resolve(ev, community).Event
                       ?? throw new InvalidOperationException($"event {ev.StackName} does not resolve against {community.StackName}"));

    public static IReadOnlyList<string> Errors(LoadedStack stack) => stack.Errors.Select(p => p.ToString()).ToList();

    /// <summary>A valid community stack to mutate in tests.</summary>
    public const string Community = """
        config:
          hubinfra:project: test-project-1
          hubinfra:region: us-central1
          hubinfra:nodePools:
            user:
              - name: user
                machineType: n2-highmem-4
                maxNodeCount: 10
          hubinfra:hubs:
            - name: main
              domain: hub.example.org
              https: { letsEncryptContact: admin@example.org }
              image: { name: quay.io/jupyter/scipy-notebook, tag: "2025-03-14" }
              profiles:
                - name: small
                  nodePool: user
                  cpu: { guarantee: 0.5, limit: 1 }
                  memory: { guarantee: 2G, limit: 4G }
              auth:
                github:
                  clientId: abc
                  clientSecret: { secure: "v1:xyz" }
                  allowedOrganizations: [my-org]
        """;
}
