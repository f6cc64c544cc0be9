namespace HubInfra.Core.Schedule;

/// <summary>A 5-field cron schedule in a time zone (a Kubernetes CronJob's <c>spec.schedule</c> and <c>spec.timeZone</c>), and what it is for.</summary>
public sealed record CronEntry(string Schedule, string TimeZone, string Purpose);
