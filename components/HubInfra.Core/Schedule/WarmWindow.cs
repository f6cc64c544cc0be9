using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>When capacity is warm: from lead before the first covered window to grace after the last.</summary>
public sealed record WarmWindow(Instant WarmFrom, Instant CoolAt, int Attendees, IReadOnlyList<EventWindow> Covers);

/// <summary>Turns event windows into warm windows; warm windows that overlap or touch are merged (attendees: the larger).</summary>
public static class WarmSchedule
{
    public static IReadOnlyList<WarmWindow> Build(IReadOnlyList<EventWindow> windows, Duration lead, Duration grace)
    {
        var warm = new List<WarmWindow>();
        foreach (var w in windows.OrderBy(w => w.StartInstant))
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
