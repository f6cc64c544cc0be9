using HubInfra.Core.Capacity;
using HubInfra.Core.Schedule;

namespace HubInfra.Core.Model;

/// <summary>
/// An event stack resolved against its community stack, once: every reference the plan follows has been looked up
/// and found. Made only by <c>Binding.EventResolver</c>; <c>Planning.EventPlan.From</c> takes nothing else, so the
/// planner never looks anything up and cannot fail.
/// </summary>
/// <param name="Hub">The hub attendees use: the community's hub, or the event's workshop hub with every profile given a pool.</param>
/// <param name="Profile">The profile attendees start, with usable cpu and memory guarantees (seats per node divide by them).</param>
/// <param name="Pool">The pool the seats run on as it will run: the event's own pool as a user pool (named like the
/// profile's pool, its maximum planned later), or the community's pool of the profile.</param>
/// <param name="CommunityPool">The community's pool of the profile, when it has one.</param>
/// <param name="Machine">The pool's machine type, from the catalog.</param>
/// <param name="Capacity">The event's capacity settings priced in the community's region (every node of the pool has a price).</param>
/// <param name="Calendar">The event's windows, expanded once (with the calendar's problems).</param>
public sealed record ResolvedEvent
{
    internal ResolvedEvent(EventSettings @event, CommunityStack community, HubSettings hub, ProfileSettings profile,
        NodePoolSettings pool, NodePoolSettings? communityPool, MachineType machine, CapacitySettings capacity, EventCalendarResult calendar)
    {
        Event = @event;
        Community = community;
        Hub = hub;
        Profile = profile;
        Pool = pool;
        CommunityPool = communityPool;
        Machine = machine;
        Capacity = capacity;
        Calendar = calendar;
    }

    public EventSettings Event { get; }

    public CommunityStack Community { get; }

    public HubSettings Hub { get; }

    public ProfileSettings Profile { get; }

    public NodePoolSettings Pool { get; }

    public NodePoolSettings? CommunityPool { get; }

    public MachineType Machine { get; }

    public CapacitySettings Capacity { get; }

    public EventCalendarResult Calendar { get; }

    /// <summary>The event has a pool of its own (<c>event.pool</c>), created and destroyed with the stack.</summary>
    public bool OwnPool => Event.Pool is not null;
}
