using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// The same hours on every listed weekday from <see cref="From"/> to <see cref="To"/> (both inclusive), local time in
/// the event's zone. When <see cref="End"/> is not after <see cref="Start"/>, each window crosses midnight and ends
/// the next day (so 22:00–02:00 is four hours, and 09:00–09:00 a whole day).
/// </summary>
public sealed record DailyRange(LocalDate From, LocalDate To, LocalTime Start, LocalTime End, IReadOnlyList<IsoDayOfWeek> Days, int? Attendees = null);
