namespace HubInfra.Core.Scaling;

/// <summary>
/// When the arrival phase of a window ends early: no new attendee for <see cref="Minutes"/> minutes after the window's
/// start, with at least <see cref="MinShare"/> of the window's planned seats taken (<c>arrivalStallMinutes</c>,
/// <c>arrivalStallShare</c>). It ends at the latest <c>arrivalMinutes</c> after the start in any case.
/// </summary>
public sealed record ArrivalStall(int Minutes, double MinShare)
{
    public static ArrivalStall Default { get; } = new(10, 0.5);

    /// <summary>The attendees a window needs before a pause in arrivals ends its arrival phase.</summary>
    public int MinAttendees(int seats) => (int)Math.Ceiling(seats * MinShare - 1e-9);
}
