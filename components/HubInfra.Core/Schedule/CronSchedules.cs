using System.Globalization;
using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// Cron schedules for warm windows, written in the event's own zone so they read like the event's calendar.
/// </summary>
/// <remarks>
/// A cron with minute, hour, day and month fires again next year, so every job must guard itself with the window's
/// absolute bounds (<see cref="ActiveBetweenGuard"/>). On a fall-back night an instant in the repeated hour has a
/// local time that occurs twice; the job may fire at the first occurrence, an hour early, and the guard then makes
/// it do nothing — the reconcile job catches up.
/// </remarks>
public static class CronSchedules
{
    /// <summary>A "scale-up" entry at <see cref="WarmWindow.WarmFrom"/> and a "scale-down" entry at <see cref="WarmWindow.CoolAt"/>, as "m H d M *" in <paramref name="zone"/>.</summary>
    public static IReadOnlyList<CronEntry> ForWarmWindow(WarmWindow w, DateTimeZone zone) =>
    [
        At(w.WarmFrom, zone, "scale-up"),
        At(w.CoolAt, zone, "scale-down"),
    ];

    /// <summary>"*/<paramref name="everyMinutes"/> * * * *" in <paramref name="zone"/>, purpose "reconcile".</summary>
    public static CronEntry Reconcile(DateTimeZone zone, int everyMinutes = 5)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(everyMinutes, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(everyMinutes, 59);
        return new CronEntry(string.Create(CultureInfo.InvariantCulture, $"*/{everyMinutes} * * * *"), zone.Id, "reconcile");
    }

    /// <summary>
    /// A POSIX-sh snippet that ends the job quietly (exit 0) unless <c>date -u +%s</c> is within
    /// [<paramref name="from"/> − 60 s, <paramref name="until"/> + 60 s] in Unix seconds.
    /// </summary>
    public static string ActiveBetweenGuard(Instant from, Instant until)
    {
        var a = (from.ToUnixTimeSeconds() - 60).ToString(CultureInfo.InvariantCulture);
        var b = (until.ToUnixTimeSeconds() + 60).ToString(CultureInfo.InvariantCulture);
        return $"now=$(date -u +%s); if [ \"$now\" -lt {a} ] || [ \"$now\" -gt {b} ]; then echo \"outside event window; nothing to do\"; exit 0; fi";
    }

    private static CronEntry At(Instant instant, DateTimeZone zone, string purpose)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return new CronEntry(string.Create(CultureInfo.InvariantCulture, $"{local.Minute} {local.Hour} {local.Day} {local.Month} *"), zone.Id, purpose);
    }
}
