using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// When capacity must be warm: from the lead before the first covered window to the grace after the last, for the
/// largest number of attendees among the windows it covers.
/// </summary>
public sealed record WarmWindow(Instant WarmFrom, Instant CoolAt, int Attendees, IReadOnlyList<EventWindow> Covers);
