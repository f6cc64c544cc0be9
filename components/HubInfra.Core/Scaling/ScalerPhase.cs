using NodaTime;

namespace HubInfra.Core.Scaling;

/// <summary>An arrival phase (every planned seat warm until arrivals stall) or a release phase (attendees + headroom).</summary>
public enum ScalerPhaseKind
{
    Arrival,
    Release,
}

/// <summary>
/// One stretch of an event's schedule as the scaler reads it, [<see cref="From"/>, <see cref="Until"/>).
/// In an arrival phase every one of the <see cref="WarmSeats"/> is warm until the window's arrivals stall
/// (<see cref="WindowStart"/>, <see cref="StallMinAttendees"/>); in a release phase, and once arrivals stalled, the
/// warm seats are the attendees plus the spec's headroom, never more than <see cref="WarmSeats"/>.
/// <see cref="WarmFrom"/> is the warm window's warm-up: on a community hub only servers created since then count.
/// </summary>
public sealed record ScalerPhase(
    Instant From,
    Instant Until,
    ScalerPhaseKind Kind,
    int WarmSeats,
    Instant WarmFrom,
    Instant WindowStart,
    int StallMinAttendees)
{
    public bool IsArrival => Kind == ScalerPhaseKind.Arrival;
}
