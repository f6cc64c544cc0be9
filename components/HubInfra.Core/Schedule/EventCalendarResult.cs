namespace HubInfra.Core.Schedule;

/// <summary>The windows of an event, sorted by start, and what was wrong with its calendar.</summary>
public sealed record EventCalendarResult(IReadOnlyList<EventWindow> Windows, IReadOnlyList<CalendarProblem> Problems);
