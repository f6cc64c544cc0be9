using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// The same hours on every listed weekday from <see cref="From"/> to <see cref="To"/> (inclusive), local time.
/// When <see cref="End"/> is not after <see cref="Start"/>, each window crosses midnight and ends the next day.
/// </summary>
public sealed record DailyRange(LocalDate From, LocalDate To, LocalTime Start, LocalTime End, IReadOnlyList<IsoDayOfWeek> Days, int? Attendees = null);
