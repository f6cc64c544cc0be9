using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// The same hours on every listed weekday from <see cref="From"/> to <see cref="To"/> (both inclusive), local time in
/// the event's zone. When <see cref="End"/> is not after <see cref="Start"/>, each window crosses midnight and ends
/// the next day (so 22:00–02:00 is four hours, and 09:00–09:00 a whole day). The dates in <see cref="Except"/>
/// (local dates, each in the range and on one of its days) have no window: a course that skips a holiday stays one range.
/// </summary>
public sealed record DailyRange(LocalDate From, LocalDate To, LocalTime Start, LocalTime End, IReadOnlyList<IsoDayOfWeek> Days, int? Attendees = null)
{
    /// <summary>Dates of the range left out (<c>except: [2027-07-14]</c>).</summary>
    public IReadOnlyList<LocalDate> Except { get; init; } = [];
}
