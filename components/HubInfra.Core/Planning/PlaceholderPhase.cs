using NodaTime;

namespace HubInfra.Core.Planning;

/// <summary>
/// One stretch of an event's schedule as the placeholder scaler reads it: during [From, Until) keep
/// <c>min(Seats − attendees running, HeadroomCap)</c> placeholders (never below 0); <see cref="HeadroomCap"/> is null
/// in the arrival phase (every planned seat warm) and the late headroom in the release phase.
/// <see cref="WarmFrom"/> names the warm window it belongs to (the scaler keys its attendee baseline on it).
/// </summary>
public sealed record PlaceholderPhase(Instant From, Instant Until, int Seats, int? HeadroomCap, Instant WarmFrom)
{
    public bool IsArrival => HeadroomCap is null;
}
