using System.Globalization;
using System.Text;
using NodaTime;
using NodaTime.Text;

namespace HubInfra.Core.Scaling;

/// <summary>
/// The one description of an event's warm-seat policy, emitted by the plan and read by everything that acts on it:
/// the scaler script in the cluster (its schedule file and environment, <see cref="Schedule"/> and
/// <see cref="Environment"/>), <c>simulate</c>, and the plan document. The rule itself is <see cref="WarmSeatPolicy"/>.
/// </summary>
/// <param name="Phases">Arrival and release phases of every warm window, sorted, not overlapping; sessions merged into
/// one warm window each open their own arrival phase.</param>
/// <param name="IntervalSeconds">Seconds between two looks.</param>
/// <param name="HeadroomSeats">Warm seats kept free beyond the attendees once a window releases (<c>lateHeadroomSeats</c>).</param>
/// <param name="ArrivalSlots">Placeholders backend: warm seats kept free of placeholders, on the busiest nodes, in an
/// arrival phase, so that arrivals land there without preempting anything (see <see cref="WarmSeatPolicy"/>).</param>
/// <param name="Stall">When an arrival phase ends early.</param>
/// <param name="Backend">Placeholder pods or a CapacityBuffer.</param>
/// <param name="Attendees">Which servers count.</param>
/// <param name="SeatsPerNode">Seats of one node of the event's pool.</param>
/// <param name="CreateBatch">Placeholders created per API call at most.</param>
public sealed record ScalerSpec(
    IReadOnlyList<ScalerPhase> Phases,
    int IntervalSeconds,
    int HeadroomSeats,
    int ArrivalSlots,
    ArrivalStall Stall,
    CapacityBackend Backend,
    AttendeeRule Attendees,
    int SeatsPerNode,
    int CreateBatch = ScalerSpec.DefaultCreateBatch)
{
    /// <summary>Seconds between two looks: arrivals are followed within this.</summary>
    public const int DefaultIntervalSeconds = 30;

    /// <summary>At most this many placeholders per <c>kubectl create</c>: a warm-up of hundreds goes out in steps.</summary>
    public const int DefaultCreateBatch = 50;

    /// <summary>The phase covering <paramref name="t"/>, or null.</summary>
    public ScalerPhase? PhaseAt(Instant t) => Phases.FirstOrDefault(p => t >= p.From && t < p.Until);

    /// <summary>
    /// The schedule as the script reads it, one phase a line:
    /// <c>FROM UNTIL KIND WARM WARMFROM START STALL_SECONDS STALL_ATTENDEES</c> (Unix seconds; KIND arrival or
    /// release), each with a readable comment.
    /// </summary>
    public string Schedule()
    {
        var sb = new StringBuilder();
        sb.Append("# FROM UNTIL KIND WARM WARMFROM START STALL_SECONDS STALL_ATTENDEES  (Unix seconds, [FROM, UNTIL))\n");
        foreach (var p in Phases)
            sb.Append(CultureInfo.InvariantCulture,
                $"{p.From.ToUnixTimeSeconds()} {p.Until.ToUnixTimeSeconds()} {(p.IsArrival ? "arrival" : "release")} {p.WarmSeats} " +
                $"{p.WarmFrom.ToUnixTimeSeconds()} {p.WindowStart.ToUnixTimeSeconds()} {Stall.Minutes * 60} {p.StallMinAttendees}" +
                $"  # {InstantPattern.General.Format(p.From)}\n");
        return sb.ToString();
    }

    /// <summary>The script's policy settings (the rest of its environment names namespaces and files).</summary>
    public IReadOnlyList<(string Name, string Value)> Environment() =>
    [
        ("INTERVAL_SECONDS", I(IntervalSeconds)),
        ("BACKEND", Backend.Name()),
        ("ATTENDEES", Attendees.Name()),
        ("HEADROOM_SEATS", I(HeadroomSeats)),
        ("ARRIVAL_SLOTS", I(Backend == CapacityBackend.Placeholders ? ArrivalSlots : 0)),
        ("CREATE_BATCH", I(CreateBatch)),
    ];

    private static string I(int n) => n.ToString(CultureInfo.InvariantCulture);
}
