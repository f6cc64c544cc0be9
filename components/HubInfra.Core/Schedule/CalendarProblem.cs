namespace HubInfra.Core.Schedule;

/// <summary>A problem with an event's calendar, at a path relative to the event's config (e.g. <c>windows[2].end</c>, <c>daily[0].to</c>).</summary>
public sealed record CalendarProblem(string Path, string Message);
