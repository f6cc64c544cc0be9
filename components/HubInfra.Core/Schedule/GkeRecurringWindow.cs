using System.Globalization;
using HubInfra.Core.Model;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Schedule;

/// <summary>
/// A cluster's maintenance window as GKE takes it: <c>maintenancePolicy.recurringWindow</c> {<c>startTime</c>,
/// <c>endTime</c>, <c>recurrence</c>}, an RRULE whose days "are measured in the UTC timezone" (GKE API,
/// RecurringMaintenanceWindow; https://cloud.google.com/kubernetes-engine/docs/how-to/maintenance-windows-and-exclusions).
/// </summary>
/// <remarks>
/// A UTC rule cannot follow daylight saving time: the window is fixed in UTC and moves by the zone's DST shift in
/// local time. HubInfra fixes it at the local start in the zone's smaller UTC offset of the year (standard time in
/// most zones), so it never opens before the local start; in the larger offset it opens and closes later by the
/// difference (one hour: the default 01:00–05:00 runs 02:00–06:00 in summer time), still in the night.
/// <see cref="LocalTimes"/> says both.
/// </remarks>
/// <param name="StartUtc">Time of day (UTC) the window opens.</param>
/// <param name="UtcDays">UTC days it opens on (all seven: daily).</param>
/// <param name="Shift">The zone's DST shift: how much later, in local time, the window runs in the larger offset.</param>
public sealed record GkeRecurringWindow(LocalTime StartUtc, Duration Length, IReadOnlyList<IsoDayOfWeek> UtcDays, Duration Shift)
{
    /// <summary>The first opening, on or after this date: GKE needs a start date; any date before the cluster is fine.</summary>
    private static readonly LocalDate Anchor = new(2026, 1, 1);

    /// <summary>A daily window at a fixed UTC time (a zone without DST).</summary>
    public static GkeRecurringWindow Daily(LocalTime startUtc, Duration length) => new(startUtc, length, ClusterMaintenanceWindow.EveryDay, Duration.Zero);

    /// <summary>The UTC window for a local one (see the remarks on daylight saving time).</summary>
    public static GkeRecurringWindow From(ClusterMaintenanceWindow w)
    {
        var (small, large) = Offsets(w.Zone);
        var utcStart = new LocalDateTime(2026, 1, 5, w.Start.Hour, w.Start.Minute) - Period.FromSeconds(small.Seconds); // 2026-01-05 is a Monday
        var dayShift = Period.Between(new LocalDate(2026, 1, 5), utcStart.Date, PeriodUnits.Days).Days;
        var days = w.Days.Select(d => (IsoDayOfWeek)(((int)d - 1 + dayShift + 7) % 7 + 1)).Distinct().Order().ToList();
        return new GkeRecurringWindow(utcStart.TimeOfDay, w.Length, days, Duration.FromSeconds(large.Seconds - small.Seconds));
    }

    /// <summary>The zone's smallest and largest UTC offsets over two years from <see cref="Anchor"/>.</summary>
    private static (Offset Small, Offset Large) Offsets(DateTimeZone zone)
    {
        var from = Anchor.AtStartOfDayInZone(DateTimeZone.Utc).ToInstant();
        var intervals = zone.GetZoneIntervals(from, from + Duration.FromDays(730)).ToList();
        return (intervals.Min(i => i.WallOffset), intervals.Max(i => i.WallOffset));
    }

    public bool IsDaily => UtcDays.Count == 7;

    /// <summary>The RRULE GKE receives: <c>FREQ=DAILY</c>, or <c>FREQ=WEEKLY;BYDAY=MO,TU</c> with UTC days.</summary>
    public string Recurrence => IsDaily ? "FREQ=DAILY" : "FREQ=WEEKLY;BYDAY=" + string.Join(",", UtcDays.Select(ByDay));

    /// <summary><c>startTime</c>: the first opening on or after 2026-01-01, RFC 3339 in UTC.</summary>
    public string StartTime => InstantPattern.General.Format(FirstOpening);

    /// <summary><c>endTime</c>: <see cref="StartTime"/> plus the window's length.</summary>
    public string EndTime => InstantPattern.General.Format(FirstOpening + Length);

    private Instant FirstOpening
    {
        get
        {
            var d = Anchor;
            while (!UtcDays.Contains(d.DayOfWeek)) d = d.PlusDays(1);
            return (d + StartUtc).InUtc().ToInstant();
        }
    }

    /// <summary>Every opening [start, start + length) that starts in [from, to).</summary>
    public IEnumerable<Instant> Openings(Instant from, Instant to)
    {
        for (var d = from.InUtc().Date.PlusDays(-1); ; d = d.PlusDays(1))
        {
            var open = (d + StartUtc).InUtc().ToInstant();
            if (open >= to) yield break;
            if (open >= from && UtcDays.Contains(d.DayOfWeek)) yield return open;
        }
    }

    /// <summary>"01:00–05:00 local (02:00–06:00 in daylight saving time)", as a reader of the plan needs it.</summary>
    public string LocalTimes(ClusterMaintenanceWindow w) =>
        Shift == Duration.Zero
            ? $"{Hm(w.Start)}–{Hm(w.End)}"
            : $"{Hm(w.Start)}–{Hm(w.End)} ({Hm(w.Start.PlusMinutes((long)Shift.TotalMinutes))}–{Hm(w.End.PlusMinutes((long)Shift.TotalMinutes))} in daylight saving time)";

    /// <summary>"03:00–07:00 UTC daily" or "15:00–19:00 UTC on SU,MO".</summary>
    public string UtcText => $"{Hm(StartUtc)}–{Hm(StartUtc.PlusMinutes((long)Length.TotalMinutes))} UTC {(IsDaily ? "daily" : "on " + string.Join(",", UtcDays.Select(ByDay)))}";

    public static string Hm(LocalTime t) => t.ToString("HH:mm", CultureInfo.InvariantCulture);

    public static string ByDay(IsoDayOfWeek d) => d.ToString()[..2].ToUpperInvariant();
}
