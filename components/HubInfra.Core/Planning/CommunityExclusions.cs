namespace HubInfra.Core.Planning;

/// <summary>
/// The maintenance exclusions a community's cluster gets (its stack file's entries, then those its events need), notes
/// on how the events' ones were fitted, and those that could not join.
/// </summary>
public sealed record CommunityExclusions(IReadOnlyList<ClusterExclusion> Exclusions, IReadOnlyList<string> Notes, IReadOnlyList<UnfitExclusion> Unfit)
{
    /// <summary>Which exclusions the event stack <paramref name="stack"/> needs and the cluster does not get.</summary>
    public IReadOnlyList<UnfitExclusion> UnfitFor(string stack) => Unfit.Where(u => u.Event == stack).ToList();
}
