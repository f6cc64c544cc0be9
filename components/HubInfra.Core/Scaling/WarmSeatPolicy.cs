using NodaTime;

namespace HubInfra.Core.Scaling;

/// <summary>
/// The warm-seat rule, written once. <c>Scripts/placeholder-scaler.sh</c> implements the same rule in awk and
/// <c>simulate</c> calls these functions; a table of cases and a simulated event run through both, by test.
/// <para>
/// Each look: the phase at the time (none: nothing warm); the attendees (<see cref="CountAttendees"/>); whether the
/// window is releasing (a release phase, or arrivals stalled: <see cref="ArrivalsStalled"/>); the warm seats wanted:
/// every planned seat while arriving, else attendees + headroom (at most the planned seats); and of those, the free
/// seats beyond the attendees are held by placeholders, except, while arriving, <see cref="ScalerSpec.ArrivalSlots"/>
/// of them left as plain free seats. With a CapacityBuffer every free seat is the buffer's.
/// </para>
/// <para>
/// Where attendees land. Placeholders are created without a node; z2jh's user scheduler places each like any pod,
/// on the feasible node whose requests are highest (NodeResourcesFit, MostAllocated), so they fill nodes one by one
/// and the arrival slots stay on one node. An arrival that fits a free seat is placed the same way: on the busiest
/// node with a free seat, without preempting anything. Each look, the scaler deletes as many placeholders as
/// attendees came, from the nodes with the most user servers, so the free seats stay where the attendees already are
/// and nodes fill one after the other. Only arrivals beyond the free slots in one interval preempt; which node then
/// loses a placeholder is kube-scheduler's choice, not ours (see the simulator). Once a window releases, the
/// placeholders on nodes without any user server go first (fewest first), so whole nodes of no-shows empty out and
/// the cluster autoscaler removes them.
/// </para>
/// </summary>
public static class WarmSeatPolicy
{
    /// <summary>One look: what to keep and what to create or delete.</summary>
    public static ScalerDecision Decide(ScalerSpec spec, ScalerView view)
    {
        var phase = spec.PhaseAt(view.Now);
        var current = spec.Backend == CapacityBackend.CapacityBuffer ? view.BufferReplicas : view.Placeholders.Count;
        if (phase is null)
            return Act(spec, view, null, 0, false, 0, 0, current);

        var counted = Counted(spec.Attendees, phase, view.Servers);
        var attendees = counted.Count;
        var releasing = !phase.IsArrival || ArrivalsStalled(phase, counted, spec.Stall, view.Now);
        var warm = releasing ? Math.Min(phase.WarmSeats, attendees + spec.HeadroomSeats) : phase.WarmSeats;
        var free = Math.Max(0, warm - attendees);
        var desired = spec.Backend == CapacityBackend.CapacityBuffer || releasing ? free : Math.Max(0, free - spec.ArrivalSlots);
        return Act(spec, view, phase, attendees, releasing, warm, desired, current);
    }

    private static ScalerDecision Act(ScalerSpec spec, ScalerView view, ScalerPhase? phase, int attendees, bool releasing, int warm, int desired, int current)
    {
        if (spec.Backend == CapacityBackend.CapacityBuffer || current <= desired)
            return new ScalerDecision(phase, attendees, releasing, warm, desired, current,
                spec.Backend == CapacityBackend.Placeholders ? desired - current : 0, []);
        var delete = DeletionOrder(view.Placeholders, view.Servers, releasing).Take(current - desired).ToList();
        return new ScalerDecision(phase, attendees, releasing, warm, desired, current, 0, delete);
    }

    /// <summary>The servers that count as attendees in <paramref name="phase"/>, with their creation times.</summary>
    public static IReadOnlyList<ServerPod> Counted(AttendeeRule rule, ScalerPhase phase, IReadOnlyList<ServerPod> servers) =>
        rule == AttendeeRule.AllServers
            ? servers
            : servers.Where(s => s.Created is { } c && c >= phase.WarmFrom).ToList();

    public static int CountAttendees(AttendeeRule rule, ScalerPhase phase, IReadOnlyList<ServerPod> servers) => Counted(rule, phase, servers).Count;

    /// <summary>
    /// Whether arrivals stalled: some moment <c>u</c> at or after the window's start (the start itself, or an
    /// attendee's creation) after which nobody new came for <see cref="ArrivalStall.Minutes"/> minutes, with at least
    /// <see cref="ScalerPhase.StallMinAttendees"/> attendees created by <c>u</c>. Worked out from creation times alone,
    /// so it needs no state; once true it stays true for the window (a pause in the past stays in the past).
    /// </summary>
    public static bool ArrivalsStalled(ScalerPhase phase, IReadOnlyList<ServerPod> attendees, ArrivalStall stall, Instant now)
    {
        if (!phase.IsArrival || now < phase.WindowStart) return false;
        var quiet = Duration.FromMinutes(stall.Minutes);
        var created = attendees.Where(a => a.Created is not null && a.Created.Value <= now).Select(a => a.Created!.Value).Order().ToList();
        // One pass over the sorted times: each candidate u (the start, then each distinct creation at or after it),
        // the attendees created by u, and the first creation after u (or now).
        var i = 0;
        while (i < created.Count && created[i] <= phase.WindowStart) i++;
        var u = phase.WindowStart;
        while (true)
        {
            var next = i < created.Count ? created[i] : now;
            if (i >= phase.StallMinAttendees && next - u >= quiet) return true;
            if (i >= created.Count) return false;
            u = created[i];
            while (i < created.Count && created[i] == u) i++;
        }
    }

    /// <summary>
    /// The placeholders to delete, best first: pending ones; then, while releasing, those on nodes without any user
    /// server; then by node, the most user servers first, ties to the node with the fewest placeholders, then node
    /// name; then pod name (ordinal).
    /// </summary>
    public static IEnumerable<string> DeletionOrder(IReadOnlyList<PlaceholderPod> placeholders, IReadOnlyList<ServerPod> servers, bool releasing)
    {
        var users = servers.Where(s => !string.IsNullOrEmpty(s.Node)).GroupBy(s => s.Node!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var held = placeholders.Where(p => !string.IsNullOrEmpty(p.Node)).GroupBy(p => p.Node!).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        return placeholders
            .Select(p =>
            {
                var bound = !string.IsNullOrEmpty(p.Node);
                var u = bound ? users.GetValueOrDefault(p.Node!) : 0;
                return (p.Name, Node: bound ? p.Node! : "", Bound: bound ? 1 : 0, Group: releasing && u > 0 ? 1 : 0, Users: u,
                    Held: bound ? held[p.Node!] : 0);
            })
            .OrderBy(x => x.Bound)
            .ThenBy(x => x.Group)
            .ThenByDescending(x => x.Users)
            .ThenBy(x => x.Held)
            .ThenBy(x => x.Node, StringComparer.Ordinal)
            .ThenBy(x => x.Name, StringComparer.Ordinal)
            .Select(x => x.Name);
    }
}
