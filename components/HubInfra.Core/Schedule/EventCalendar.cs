using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace HubInfra.Core.Schedule;

/// <summary>
/// Expands an event's dated windows and daily ranges into zoned windows. Local times are resolved with
/// <see cref="Resolvers.LenientResolver"/>: a time in a daylight-saving gap moves forward by the length of the gap, an
/// ambiguous one takes the earlier instant. So a 09:00–17:00 day stays 09:00–17:00 on the clock on DST days, and its
/// length in real time changes accordingly (a window across the change is an hour shorter or longer).
/// </summary>
/// <remarks>
/// Problems (with paths relative to the event): a dated window whose end is not after its start; a daily range whose
/// <c>to</c> is before its <c>from</c>, that lists no weekday, or whose weekdays never occur in it; an <c>except</c>
/// date outside the range, on none of its days, listed twice, or leaving the range no date at all; a window that is
/// empty once daylight-saving time is applied; overlapping windows that expect different attendees (the later one is
/// dropped). Overlapping windows that agree on attendees are merged into one.
/// </remarks>
public static class EventCalendar
{
    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static EventCalendarResult Expand(DateTimeZone zone, IReadOnlyList<DatedWindow> windows, IReadOnlyList<DailyRange> daily, int defaultAttendees)
    {
        var problems = new List<CalendarProblem>();
        var expanded = new List<EventWindow>();

        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            var path = $"windows[{i}]";
            if (w.End <= w.Start)
            {
                problems.Add(new CalendarProblem($"{path}.end", $"end {DateTime.Format(w.End)} is not after start {DateTime.Format(w.Start)}; set an end later than the start"));
                continue;
            }
            var startOk = TryResolve(zone, w.Start, $"{path}.start", "start", problems, out var start);
            var endOk = TryResolve(zone, w.End, $"{path}.end", "end", problems, out var end);
            if (!startOk || !endOk) continue;
            if (end.ToInstant() <= start.ToInstant())
            {
                problems.Add(new CalendarProblem($"{path}.end",
                    $"end {DateTime.Format(w.End)} is not after start {DateTime.Format(w.Start)} once the daylight-saving change in {zone.Id} is applied " +
                    $"(the start becomes {DateTime.Format(start.LocalDateTime)}); move the window away from the change"));
                continue;
            }
            expanded.Add(new EventWindow(start, end, w.Attendees ?? defaultAttendees, path));
        }

        for (var i = 0; i < daily.Count; i++)
        {
            var d = daily[i];
            var path = $"daily[{i}]";
            if (d.To < d.From)
            {
                problems.Add(new CalendarProblem($"{path}.to", $"to {Date.Format(d.To)} is before from {Date.Format(d.From)}; set to on or after from"));
                continue;
            }
            if (d.Days.Count == 0)
            {
                problems.Add(new CalendarProblem($"{path}.days", "lists no weekday, so the range has no windows; list at least one, e.g. days: [Mon, Tue]"));
                continue;
            }
            var skipped = ExceptDates(d, path, problems);
            var occurrences = 0;
            var kept = 0;
            for (var date = d.From; date <= d.To; date = date.PlusDays(1))
            {
                if (!d.Days.Contains(date.DayOfWeek)) continue;
                occurrences++;
                if (skipped.Contains(date)) continue;
                kept++;
                var source = $"{path} {Date.Format(date)}";
                var startOk = TryResolve(zone, date + d.Start, $"{path}.start", $"start on {Date.Format(date)}", problems, out var start);
                var endOk = TryResolve(zone, (d.End > d.Start ? date : date.PlusDays(1)) + d.End, $"{path}.end", $"end on {Date.Format(date)}", problems, out var end);
                if (!startOk || !endOk) continue;
                if (end.ToInstant() <= start.ToInstant())
                {
                    problems.Add(new CalendarProblem($"{path}.end",
                        $"on {Date.Format(date)} the window {Time.Format(d.Start)}–{Time.Format(d.End)} is empty once the daylight-saving change in {zone.Id} is applied; move the hours or drop that date"));
                    continue;
                }
                expanded.Add(new EventWindow(start, end, d.Attendees ?? defaultAttendees, source));
            }
            if (occurrences == 0)
                problems.Add(new CalendarProblem($"{path}.days",
                    $"none of {string.Join(", ", d.Days.Distinct())} falls between {Date.Format(d.From)} and {Date.Format(d.To)}; change days or the date range"));
            else if (kept == 0)
                problems.Add(new CalendarProblem($"{path}.except",
                    $"leaves out every date of the range ({Date.Format(d.From)} to {Date.Format(d.To)}), so it has no windows; remove the range or some of its except dates"));
        }

        var sorted = expanded
            .Select((w, index) => (w, index))
            .OrderBy(x => x.w.StartInstant)
            .ThenBy(x => x.w.EndInstant)
            .ThenBy(x => x.index)
            .Select(x => x.w)
            .ToList();
        return new EventCalendarResult(MergeOverlaps(sorted, problems), problems);
    }

    /// <summary>
    /// The range's <c>except</c> dates that name one of its days; each other one is a problem at its own key
    /// (<c>daily[0].except[1]</c>): outside the range, on a weekday the range does not list, or listed twice.
    /// </summary>
    private static HashSet<LocalDate> ExceptDates(DailyRange d, string path, List<CalendarProblem> problems)
    {
        var dates = new HashSet<LocalDate>();
        for (var j = 0; j < d.Except.Count; j++)
        {
            var date = d.Except[j];
            var key = $"{path}.except[{j}]";
            if (date < d.From || date > d.To)
                problems.Add(new CalendarProblem(key,
                    $"{Date.Format(date)} is not between from {Date.Format(d.From)} and to {Date.Format(d.To)}, so there is no window to leave out; " +
                    "fix the date or remove it"));
            else if (!d.Days.Contains(date.DayOfWeek))
                problems.Add(new CalendarProblem(key,
                    $"{Date.Format(date)} is a {date.DayOfWeek}, not one of the range's days ({string.Join(", ", d.Days.Distinct().Select(Short))}), " +
                    "so there is no window to leave out; fix the date or remove it"));
            else if (!dates.Add(date))
                problems.Add(new CalendarProblem(key, $"{Date.Format(date)} is listed twice; remove one"));
        }
        return dates;
    }

    /// <summary>Mon, Tue, ... as the stack file writes weekdays.</summary>
    private static string Short(IsoDayOfWeek day) => day.ToString()[..3];

    /// <summary>
    /// The one instant a local time names, or a problem: a time in a spring-forward gap does not exist and a time in
    /// a fall-back overlap exists twice; neither is silently shifted. The message gives the valid choices.
    /// </summary>
    private static bool TryResolve(DateTimeZone zone, LocalDateTime local, string path, string what, List<CalendarProblem> problems, out ZonedDateTime result)
    {
        var mapping = zone.MapLocal(local);
        if (mapping.Count == 1)
        {
            result = mapping.Single();
            return true;
        }
        result = default;
        if (mapping.Count == 0)
        {
            var jumpFrom = mapping.EarlyInterval.IsoLocalEnd; // the local time at which clocks jump
            var jumpTo = mapping.LateInterval.IsoLocalStart;
            problems.Add(new CalendarProblem(path,
                $"{what} {DateTime.Format(local)} does not exist in {zone.Id}: clocks jump from {Time.Format(jumpFrom.TimeOfDay)} to {Time.Format(jumpTo.TimeOfDay)} " +
                $"on {Date.Format(jumpFrom.Date)} (daylight-saving time starts); choose {Time.Format(jumpFrom.TimeOfDay.PlusMinutes(-1))} or earlier, or {Time.Format(jumpTo.TimeOfDay)} or later"));
        }
        else
        {
            var repeatFrom = mapping.LateInterval.IsoLocalStart;
            var repeatTo = mapping.EarlyInterval.IsoLocalEnd;
            problems.Add(new CalendarProblem(path,
                $"{what} {DateTime.Format(local)} occurs twice in {zone.Id} (at UTC{mapping.EarlyInterval.WallOffset} and at UTC{mapping.LateInterval.WallOffset}): " +
                $"clocks go back from {Time.Format(repeatTo.TimeOfDay)} to {Time.Format(repeatFrom.TimeOfDay)} on {Date.Format(repeatFrom.Date)}; " +
                $"choose a time before {Time.Format(repeatFrom.TimeOfDay)} or from {Time.Format(repeatTo.TimeOfDay)} on"));
        }
        return false;
    }

    /// <summary>Overlapping windows with the same attendees become one; with different attendees the later one is a problem and is dropped.</summary>
    private static List<EventWindow> MergeOverlaps(List<EventWindow> sorted, List<CalendarProblem> problems)
    {
        var merged = new List<EventWindow>();
        foreach (var w in sorted)
        {
            if (merged.Count == 0 || w.StartInstant >= merged[^1].EndInstant)
            {
                merged.Add(w);
                continue;
            }
            var last = merged[^1];
            if (last.Attendees != w.Attendees)
            {
                problems.Add(new CalendarProblem(PathOf(w.Source),
                    $"{w.Source} overlaps {last.Source} but expects {w.Attendees} attendees where {last.Source} expects {last.Attendees}; " +
                    "change one so they agree, or remove the overlap"));
                continue;
            }
            merged[^1] = last with
            {
                End = w.EndInstant > last.EndInstant ? w.End : last.End,
                Source = $"{last.Source} + {w.Source}",
            };
        }
        return merged;
    }

    /// <summary>The config path of a source label: <c>daily[0] 2026-07-06</c> → <c>daily[0]</c>.</summary>
    private static string PathOf(string source) => source.Split(' ')[0];
}
