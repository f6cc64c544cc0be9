using NodaTime;

namespace HubInfra.Core.Schedule;

/// <summary>
/// An explicit window in the event's time zone; <see cref="End"/> may fall on a later date. Attendees default to the
/// event's when not given.
/// </summary>
public sealed record DatedWindow(LocalDateTime Start, LocalDateTime End, int? Attendees = null);
