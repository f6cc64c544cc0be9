using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;
using HubInfra.Core.Schedule;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Binding;

/// <summary>Binds an event stack's <c>hubinfra:event</c> to <see cref="EventSettings"/>.</summary>
public static class EventBinder
{
    /// <summary>The placeholder pods only hold capacity: the pause image, pinned.</summary>
    public const string DefaultPlaceholderImage = "registry.k8s.io/pause:3.10";

    private static readonly LocalDateTimePattern DateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm");
    private static readonly LocalDatePattern Date = LocalDatePattern.Iso;
    private static readonly LocalTimePattern Time = LocalTimePattern.CreateWithInvariantCulture("HH':'mm");

    public static EventSettings? Bind(RawConfig raw, List<Problem> problems)
    {
        var root = ConfigReader.ForStack(raw, problems);
        root.Text(ConfigKey.Kind, "event");
        var capacityReader = root.Object(ConfigKey.Capacity);
        var capacity = CapacityBinder.Bind(capacityReader);
        var e = root.Object(ConfigKey.Event, required: true,
            example: "event: { community: my-community, hub: main, profile: small, timeZone: Europe/Berlin, attendees: 40, windows: [...] }");
        root.RejectUnknown();
        if (e is null) return null;

        var community = e.String("community", required: true, example: "community: community-small (the community stack's name)") ?? "";
        var zoneId = e.String("timeZone", required: true, example: "timeZone: America/Los_Angeles") ?? "UTC";
        var zone = TimeZoneIds.Find(zoneId);
        if (zone is null)
        {
            e.Error("timeZone", TimeZoneIds.Nearest(zoneId) is { } nearest
                ? $"'{zoneId}' is not an IANA time zone; did you mean {nearest}? Write the zone as the tz database names it"
                : $"'{zoneId}' is not an IANA time zone; write e.g. America/Los_Angeles or Europe/Berlin (region/city, as the tz database names it)");
            zone = DateTimeZone.Utc;
        }
        var attendees = e.BoundedInt("attendees", 1, ConfigLimits.AttendeesMax, " people", required: true, example: "120") ?? 0;
        var peak = e.DoubleIn("peakFraction", 1.0, 0, 1, " (the share of attendees logged in at once)", minExclusive: true);
        var preWarmSet = e.Has("preWarmMinutes");
        var preWarmMinutes = e.IntIn("preWarmMinutes", 30, 0, ConfigLimits.LeadMinutesMax,
            " minutes (up to a day; leave it out to derive it from the time a node needs to become usable)");
        Duration? lead = preWarmSet ? Duration.FromMinutes(preWarmMinutes) : null;
        var grace = Duration.FromMinutes(e.IntIn("graceMinutes", 15, 0, ConfigLimits.LeadMinutesMax, " minutes (up to a day)"));
        var arrival = e.IntIn("arrivalMinutes", 60, 0, ConfigLimits.LeadMinutesMax,
            " minutes after each window's start during which every planned seat stays warm (default 60)");
        int? lateHeadroom = e.Has("lateHeadroomSeats")
            ? e.IntIn("lateHeadroomSeats", 0, 0, ConfigLimits.AttendeesMax, " warm seats kept free for late arrivals after arrivalMinutes (default: one node's seats)")
            : null;

        var noShow = e.DoubleIn("noShowFraction", 0, 0, ConfigLimits.NoShowFractionMax, " (the share of planned seats expected to stay empty)");
        var stallMinutes = e.IntIn("arrivalStallMinutes", ArrivalStall.Default.Minutes, 1, ConfigLimits.LeadMinutesMax,
            " minutes without a new attendee that end a window's arrival phase early (default 10)");
        var stallShare = e.DoubleIn("arrivalStallShare", ArrivalStall.Default.MinShare, 0, 1,
            " (the share of a window's planned seats taken before a pause in arrivals ends its arrival phase; default 0.5)");
        if (capacity.BackendSet)
            capacityReader?.Error("backend", "is the community stack's setting (hubinfra:capacity.backend there); remove it from the event stack");

        var windows = new List<DatedWindow>();
        foreach (var w in e.Objects("windows"))
        {
            var start = ParseDateTime(w, "start");
            var end = ParseDateTime(w, "end");
            var n = w.BoundedInt("attendees", 1, ConfigLimits.AttendeesMax, " people");
            w.RejectUnknown();
            if (start is { } s && end is { } en && Period.Between(s, en, PeriodUnits.Days).Days > ConfigLimits.EventSpanDays)
                w.Error("end", $"is more than {ConfigLimits.EventSpanDays} days after start; split the event into shorter windows or stacks");
            else if (start is { } s2 && end is { } en2)
                windows.Add(new DatedWindow(s2, en2, n));
        }
        var daily = new List<DailyRange>();
        foreach (var d in e.Objects("daily"))
        {
            var from = ParseDate(d, "from");
            var to = ParseDate(d, "to");
            var start = ParseTime(d, "start");
            var end = ParseTime(d, "end");
            var days = ParseDays(d);
            var except = ParseExcept(d);
            var n = d.BoundedInt("attendees", 1, ConfigLimits.AttendeesMax, " people");
            d.RejectUnknown();
            if (from is { } f0 && to is { } t0 && Period.Between(f0, t0, PeriodUnits.Days).Days > ConfigLimits.EventSpanDays)
                d.Error("to", $"is more than {ConfigLimits.EventSpanDays} days after from; split the event into shorter ranges or stacks");
            else if (from is { } f && to is { } t && start is { } s && end is { } en)
                daily.Add(new DailyRange(f, t, s, en, days, n) { Except = except });
        }
        if (windows.Count + daily.Count > ConfigLimits.EventEntriesMax)
            e.Error("windows", $"has {windows.Count + daily.Count} windows and daily ranges; at most {ConfigLimits.EventEntriesMax} are allowed: merge them into daily ranges or split the event");
        if (!e.Has("windows") && !e.Has("daily"))
            e.Error("windows", "an event needs windows (dated start/end) or daily (a date range with daily hours); add one of them");

        EventPoolSettings? pool = null;
        var p = e.Object("pool");
        if (p is not null)
        {
            pool = new EventPoolSettings(
                p.String("machineType", required: true, example: "machineType: n2-highmem-8") ?? "",
                p.Bool("spot", false),
                p.IntIn("headroomNodes", 1, 0, ConfigLimits.HeadroomNodesMax, " nodes"),
                p.IntIn("diskSizeGb", 100, ConfigLimits.DiskGbMin, ConfigLimits.DiskGbMax, ConfigLimits.DiskWhy))
            {
                SecondaryBootDiskImage = CommunityBinder.SecondaryBootDisk(p),
                Gpu = CommunityBinder.BindGpu(p),
            };
            p.RejectUnknown();
        }

        HubSettings? workshopHub = WorkshopBinder.Bind(e.Object("workshop"));
        var hub = e.String("hub") ?? workshopHub?.Name;
        if (hub is null)
            e.Error("hub", "is required: set the community hub the attendees use (or declare event.workshop)");
        var profile = e.String("profile") ?? workshopHub?.Profiles.FirstOrDefault(x => x.Default)?.Name ?? "";
        if (profile.Length == 0)
            e.Error("profile", "is required: set the hub profile the attendees start, e.g. profile: small");
        var placeholderImage = e.Text("placeholderImage", DefaultPlaceholderImage);
        e.RejectUnknown();

        return new EventSettings(raw.StackName, community, hub ?? "", profile, zone, windows, daily, attendees, peak, lead, grace, pool,
            workshopHub, capacity, placeholderImage)
        {
            Arrival = Duration.FromMinutes(Math.Max(0, arrival)),
            LateHeadroomSeats = lateHeadroom is >= 0 ? lateHeadroom : null,
            NoShowFraction = noShow,
            Stall = new ArrivalStall(stallMinutes, stallShare),
        };
    }

    private static LocalDateTime? ParseDateTime(ConfigReader r, string key)
    {
        var text = r.String(key, required: true, example: $"{key}: 2027-03-06T09:00 (local time in the event's time zone)");
        if (text is null) return null;
        var result = DateTime.Parse(text);
        if (result.Success) return result.Value;
        var iso = LocalDateTimePattern.ExtendedIso.Parse(text);
        if (iso.Success) return iso.Value;
        r.Error(key, $"'{text}' is not a local date and time; write e.g. 2027-03-06T09:00 (no offset: the event's timeZone applies)");
        return null;
    }

    private static LocalDate? ParseDate(ConfigReader r, string key)
    {
        var text = r.String(key, required: true, example: $"{key}: 2027-07-05");
        if (text is null) return null;
        var result = Date.Parse(text);
        if (result.Success) return result.Value;
        r.Error(key, $"'{text}' is not a date; write e.g. 2027-07-05");
        return null;
    }

    /// <summary><c>except: [2027-07-14, ...]</c>: local dates of the range without a window (checked against the range by the calendar).</summary>
    private static IReadOnlyList<LocalDate> ParseExcept(ConfigReader r)
    {
        var result = new List<LocalDate>();
        var texts = r.Strings("except");
        for (var i = 0; i < texts.Count; i++)
        {
            var parsed = Date.Parse(texts[i]);
            if (parsed.Success) result.Add(parsed.Value);
            else r.Error($"except[{i}]", $"'{texts[i]}' is not a date; write it as e.g. 2027-07-14 (a local date of the range)");
        }
        return result;
    }

    /// <summary>A time of day, "HH:mm" (also the cluster's maintenance window).</summary>
    internal static LocalTime? ParseTime(ConfigReader r, string key)
    {
        var text = r.String(key, required: true, example: $"{key}: \"09:00\"");
        if (text is null) return null;
        var result = Time.Parse(text);
        if (result.Success) return result.Value;
        r.Error(key, $"'{text}' is not a time of day; write e.g. \"09:00\"");
        return null;
    }

    /// <summary>Weekdays (Mon … Sun, or longer names; also the cluster's maintenance window), Monday to Friday when left out.</summary>
    internal static IReadOnlyList<IsoDayOfWeek> ParseDays(ConfigReader r)
    {
        if (!r.Has("days"))
        {
            r.Strings("days");
            return [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday];
        }
        var result = new List<IsoDayOfWeek>();
        var names = r.Strings("days");
        for (var i = 0; i < names.Count; i++)
        {
            var day = names[i].Length >= 3 ? names[i][..3].ToLowerInvariant() : "";
            IsoDayOfWeek? d = day switch
            {
                "mon" => IsoDayOfWeek.Monday,
                "tue" => IsoDayOfWeek.Tuesday,
                "wed" => IsoDayOfWeek.Wednesday,
                "thu" => IsoDayOfWeek.Thursday,
                "fri" => IsoDayOfWeek.Friday,
                "sat" => IsoDayOfWeek.Saturday,
                "sun" => IsoDayOfWeek.Sunday,
                _ => null,
            };
            if (d is null) r.Error($"days[{i}]", $"'{names[i]}' is not a weekday; write Mon, Tue, Wed, Thu, Fri, Sat or Sun");
            else result.Add(d.Value);
        }
        return result;
    }
}
