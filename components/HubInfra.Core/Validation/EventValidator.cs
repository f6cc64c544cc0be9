using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Validation;

/// <summary>
/// The first pass over an event stack, before any plan: its settings, and its resolution against its community stack
/// (<see cref="EventResolver"/>). The plan it lets through is checked after planning by <c>PlanChecks.EventPlanChecks</c>.
/// </summary>
public static class EventValidator
{
    private const string Key = "hubinfra:event";

    /// <summary>
    /// The event's settings and its resolution against its community (<see cref="EventResolver"/>), before any plan:
    /// the calendar, the workshop hub, the community, then what the resolver finds (hub, profile, pool and its
    /// accelerators, machine type, prices) and the GPUs a seat needs. Returns the resolved event when it is fit to plan
    /// (every problem that would make the plan meaningless is absent), else null.
    /// </summary>
    /// <param name="stacksFolder">The folder of the stack files, as the user named it; messages point into it.</param>
    /// <param name="communities">The community stacks beside it (offline: the folder's), named when <c>community</c> names none of them.</param>
    public static ResolvedEvent? Validate(EventSettings ev, CommunityStack? community, List<Problem> problems, Instant now, bool communityLookedUp,
        IReadOnlyList<EventSettings>? otherEvents = null, string stacksFolder = "stacks", IReadOnlyList<string>? communities = null)
    {
        var communityFile = StackFile.PathIn(stacksFolder, ev.CommunityStack);
        var calendar = EventCalendar.Expand(ev.Zone, ev.Windows, ev.Daily, ev.Attendees);
        foreach (var p in calendar.Problems)
            problems.Add(new Problem($"{Key}.{p.Path}", p.Message));
        if (calendar.Windows.Count > 0 && calendar.Windows.All(w => w.EndInstant.Plus(ev.Grace) < now))
            problems.Add(new Problem(Key, $"every window of this event is past: destroy the stack (pulumi destroy -s {ev.StackName}) and remove {StackFile.PathIn(stacksFolder, ev.StackName)}", Severity.Warning));
        if (ev.Pool is { } eventPool)
            problems.AddRange(SecondaryBootDiskRules.Check(eventPool.SecondaryBootDiskImage, true, $"{Key}.pool"));

        if (ev.WorkshopHub is { } ws)
        {
            WorkshopRules.Check(ws, ev, community, problems);
            if (otherEvents is not null)
                WorkshopRules.CheckAgainstOtherEvents(ws, ev, otherEvents, problems, stacksFolder);
        }

        if (community is null)
        {
            if (communityLookedUp)
                problems.Add(new Problem($"{Key}.community", $"no community stack '{ev.CommunityStack}' ({communityFile}) was found; " + NameOneOf(ev.CommunityStack, communities ?? [])));
            return null;
        }
        if (community.Kind == StackKind.Event)
        {
            problems.Add(new Problem($"{Key}.community", $"'{ev.CommunityStack}' is an event stack; name the community stack whose cluster the event uses"));
            return null;
        }

        var resolution = EventResolver.Resolve(ev, community, communityFile, calendar);
        problems.AddRange(resolution.Problems);
        if (resolution.Event is not { } resolved)
            return null;
        // No seat count follows from GPUs a node does not have.
        var profile = resolved.Profile;
        var gpuPool = resolved.Pool.Gpu;
        if (profile.GpusPerUser > 0 && (gpuPool is null || gpuPool.Count < profile.GpusPerUser))
        {
            var poolName = ev.Pool is not null ? "the event's own pool (event.pool)" : $"pool '{profile.NodePool}'";
            problems.Add(new Problem(ev.Pool is not null ? $"{Key}.pool" : $"{Key}.profile",
                $"profile '{profile.Name}' needs {Plural.Of(profile.GpusPerUser, "GPU")} per user but {poolName} has {(gpuPool is null ? "no GPUs" : $"{gpuPool.Count} per node")}, " +
                $"so no placeholder or server could ever be scheduled; use a profile on a GPU pool, or give " +
                (ev.Pool is not null ? "the event's pool gpu: { type, count }" : $"pool '{profile.NodePool}' gpu: {{ type, count }} in {communityFile}")));
            return null;
        }
        return calendar.Problems.Count > 0 || ev.PeakSeats < 1 ? null : resolved;
    }

    /// <summary>"did you mean X? name one of: a, b" — or, with none known, how to name one.</summary>
    private static string NameOneOf(string typed, IReadOnlyList<string> communities)
    {
        if (communities.Count == 0)
            return "name an existing community stack";
        var nearest = communities.MinBy(c => EditDistance.Between(c, typed))!;
        var guess = EditDistance.Between(nearest, typed) <= Math.Max(2, typed.Length / 3) ? $"did you mean {nearest}? Otherwise " : "";
        return $"{guess}name one of the community stacks: {string.Join(", ", communities)}";
    }
}
