using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>Turns event windows into warm windows.</summary>
public static class WarmSchedule
{
    /// <summary>
    /// Each window becomes [start − <paramref name="lead"/>, end + <paramref name="grace"/>); warm windows that overlap or
    /// touch are merged, keeping the larger number of attendees. Sorted by <see cref="WarmWindow.WarmFrom"/>.
    /// </summary>
    public static IReadOnlyList<WarmWindow> Build(IReadOnlyList<EventWindow> windows, Duration lead, Duration grace)
    {
        var warm = new List<WarmWindow>();
        foreach (var w in windows.OrderBy(w => w.StartInstant).ThenBy(w => w.EndInstant))
        {
            var from = w.StartInstant - lead;
            var until = w.EndInstant + grace;
            if (warm.Count > 0 && from <= warm[^1].CoolAt)
            {
                var last = warm[^1];
                warm[^1] = new WarmWindow(last.WarmFrom, Instant.Max(last.CoolAt, until), Math.Max(last.Attendees, w.Attendees), [.. last.Covers, w]);
                continue;
            }
            warm.Add(new WarmWindow(from, until, w.Attendees, [w]));
        }
        return warm;
    }
}
