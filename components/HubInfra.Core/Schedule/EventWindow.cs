using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>One resolved window: zoned start and end, how many attendees, and where in config it came from.</summary>
public sealed record EventWindow(ZonedDateTime Start, ZonedDateTime End, int Attendees, string Source)
{
    public Instant StartInstant => Start.ToInstant();

    public Instant EndInstant => End.ToInstant();

    public Duration Length => EndInstant - StartInstant;
}

/// <summary>A problem with the calendar, at a path relative to <c>hubinfra:event</c> (e.g. <c>windows[2].end</c>).</summary>
public sealed record CalendarProblem(string Path, string Message);

/// <summary>The windows of an event, sorted by start, and what was wrong with its calendar.</summary>
public sealed record EventCalendarResult(IReadOnlyList<EventWindow> Windows, IReadOnlyList<CalendarProblem> Problems);
