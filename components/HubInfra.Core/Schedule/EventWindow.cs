using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// One resolved window: zoned start and end, how many attendees, and where in config it came from
/// (<c>windows[1]</c>, <c>daily[0] 2026-07-06</c>, or several joined with " + " when overlapping windows were merged).
/// </summary>
public sealed record EventWindow(ZonedDateTime Start, ZonedDateTime End, int Attendees, string Source)
{
    public Instant StartInstant => Start.ToInstant();

    public Instant EndInstant => End.ToInstant();

    /// <summary>Length in real (elapsed) time, which differs from the clock hours on daylight-saving days.</summary>
    public Duration Length => EndInstant - StartInstant;
}
