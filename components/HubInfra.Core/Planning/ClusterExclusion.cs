using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Planning;

/// <summary>
/// A maintenance exclusion the cluster gets, and where it comes from: <see cref="StackFile"/> for an entry of the
/// community's <c>hubinfra:cluster.maintenanceExclusions</c>, <c>event NAME</c> for one derived from an event's windows.
/// </summary>
public sealed record ClusterExclusion(string Name, Instant Start, Instant End, ExclusionScope Scope, string Source)
{
    /// <summary>The source of an entry written in the community's stack file.</summary>
    public const string StackFile = "stack file";

    /// <summary>The source of an entry derived from the windows of event stack <paramref name="stack"/>.</summary>
    public static string OfEvent(string stack) => $"event {stack}";

    public MaintenanceExclusion AsExclusion() => new(Name, Start, End, Scope);
}
