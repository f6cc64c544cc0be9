using HubInfra.Core.Model;

namespace HubInfra.Core.Tests.Integrity;

/// <summary>
/// Every by-name reference in what a stack creates resolves to an object that exists: for every community stack in
/// <c>stacks/</c> with all of its event stacks, automatically (a new stack file is covered without a new test).
/// </summary>
public class ReferenceIntegrityTests
{
    private static IEnumerable<string> CommunityNames()
    {
        var set = TestStacks.Examples();
        return set.StackNames.Where(n => set.Load(n).Kind != StackKind.Event);
    }

    public static TheoryData<string> CommunityStacks() => new(CommunityNames());

    [Theory]
    [MemberData(nameof(CommunityStacks))]
    public void Every_reference_in_a_cluster_resolves(string community)
    {
        var inventory = ClusterInventory.Of(TestStacks.Examples(), community);
        var unresolved = inventory.UnresolvedReferences();
        Assert.True(unresolved.Count == 0, $"{unresolved.Count} unresolved reference(s) in cluster {community}:\n" + string.Join("\n", unresolved));
    }

    [Fact]
    public void Every_event_stack_is_checked_on_some_cluster()
    {
        var set = TestStacks.Examples();
        var events = set.StackNames.Where(n => set.Load(n).Kind == StackKind.Event).ToList();
        Assert.NotEmpty(events);
        var covered = CommunityNames().SelectMany(c => ClusterInventory.Of(set, c).Manifests.Select(m => m.Source)).ToHashSet();
        Assert.All(events, e => Assert.Contains(e, covered));
    }
}
