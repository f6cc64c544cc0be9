using System.Globalization;
using NodaTime;
using NodaTime.Text;
using NodaTime.TimeZones;

namespace HubInfra.Core.Schedule;

/// <summary>
/// Expands an event's dated windows and daily ranges into zoned windows. Local times are resolved leniently: a time
/// in a daylight-saving gap moves forward, an ambiguous one takes the earlier instant — so a 09:00–17:00 day stays
/// 09:00–17:00 on the clock on DST days, and its length in real time changes accordingly.
/// </summary>
public static class EventCalendar
{
    private static readonly LocalDateTimePattern Pattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");

    public static EventCalendarResult Expand(DateTimeZone zone, IReadOnlyList<DatedWindow> windows, IReadOnlyList<DailyRange> daily, int defaultAttendees)
    {
        var problems = new List<CalendarProblem>();
        var result = new List<EventWindow>();

        for (var i = 0; i < windows.Count; i++)
        {
            var w = windows[i];
            if (w.End <= w.Start)
            {
                problems.Add(new CalendarProblem($"windows[{i}].end", $"end {Pattern.Format(w.End)} is not after start {Pattern.Format(w.Start)}"));
                continue;
            }
            result.Add(new EventWindow(Resolve(zone, w.Start), Resolve(zone, w.End), w.Attendees ?? defaultAttendees, $"windows[{i}]"));
        }

        for (var i = 0; i < daily.Count; i++)
        {
            var d = daily[i];
            if (d.To < d.From)
            {
                problems.Add(new CalendarProblem($"daily[{i}].to", $"{d.To:uuuu-MM-dd} is before from {d.From:uuuu-MM-dd}"));
                continue;
            }
            if (d.Days.Count == 0)
            {
                problems.Add(new CalendarProblem($"daily[{i}].days", "lists no weekday"));
                continue;
            }
            var count = 0;
            for (var date = d.From; date <= d.To; date = date.PlusDays(1))
            {
                if (!d.Days.Contains(date.DayOfWeek)) continue;
                var start = date + d.Start;
                var end = (d.End > d.Start ? date : date.PlusDays(1)) + d.End;
                result.Add(new EventWindow(Resolve(zone, start), Resolve(zone, end), d.Attendees ?? defaultAttendees,
                    $"daily[{i}] {date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture)}"));
                count++;
            }
            if (count == 0)
                problems.Add(new CalendarProblem($"daily[{i}].days", $"none of the listed weekdays falls between {d.From:uuuu-MM-dd} and {d.To:uuuu-MM-dd}"));
        }

        result.Sort((a, b) => a.StartInstant.CompareTo(b.StartInstant));
        return new EventCalendarResult(MergeOverlaps(result, problems), problems);
    }

    private static ZonedDateTime Resolve(DateTimeZone zone, LocalDateTime local) => zone.ResolveLocal(local, Resolvers.LenientResolver);

    /// <summary>Overlapping windows with the same attendees become one; with different attendees they are a problem.</summary>
    private static List<EventWindow> MergeOverlaps(List<EventWindow> sorted, List<CalendarProblem> problems)
    {
        var merged = new List<EventWindow>();
        foreach (var w in sorted)
        {
            if (merged.Count > 0 && w.StartInstant < merged[^1].EndInstant)
            {
                var last = merged[^1];
                if (last.Attendees != w.Attendees)
                {
                    problems.Add(new CalendarProblem(PathOf(w.Source),
                        $"overlaps {last.Source} but expects {w.Attendees} attendees instead of {last.Attendees}; make them agree or stop the overlap"));
                    continue;
                }
                if (w.EndInstant > last.EndInstant)
                    merged[^1] = last with { End = w.End, Source = $"{last.Source} + {w.Source}" };
                continue;
            }
            merged.Add(w);
        }
        return merged;
    }

    private static string PathOf(string source) => source.Split(' ')[0];
}
