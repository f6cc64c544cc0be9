using System.Globalization;
using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>A CronJob schedule in a time zone (Kubernetes <c>spec.timeZone</c>), and what it is for.</summary>
public sealed record CronEntry(string Schedule, string TimeZone, string Purpose);

/// <summary>
/// Cron schedules for warm windows, written in the event's own zone so they read like the event's calendar.
/// A cron with minute, hour, day and month fires again next year: every job guards itself with the window's
/// absolute UTC bounds (<see cref="ActiveBetweenGuard"/>).
/// </summary>
public static class CronSchedules
{
    public static IReadOnlyList<CronEntry> ForWarmWindow(WarmWindow w, DateTimeZone zone) =>
    [
        At(w.WarmFrom, zone, "scale-up"),
        At(w.CoolAt, zone, "scale-down"),
    ];

    public static CronEntry Reconcile(DateTimeZone zone, int everyMinutes = 5) =>
        new($"*/{everyMinutes} * * * *", zone.Id, "reconcile");

    private static CronEntry At(Instant instant, DateTimeZone zone, string purpose)
    {
        var local = instant.InZone(zone).LocalDateTime;
        return new CronEntry(string.Create(CultureInfo.InvariantCulture, $"{local.Minute} {local.Hour} {local.Day} {local.Month} *"), zone.Id, purpose);
    }

    /// <summary>A POSIX-sh guard that ends the job quietly unless now is within [from − 60 s, until + 60 s].</summary>
    public static string ActiveBetweenGuard(Instant from, Instant until)
    {
        var a = (from.ToUnixTimeSeconds() - 60).ToString(CultureInfo.InvariantCulture);
        var b = (until.ToUnixTimeSeconds() + 60).ToString(CultureInfo.InvariantCulture);
        return $"now=$(date -u +%s); if [ \"$now\" -lt {a} ] || [ \"$now\" -gt {b} ]; then echo \"outside the event's window; nothing to do\"; exit 0; fi";
    }
}
