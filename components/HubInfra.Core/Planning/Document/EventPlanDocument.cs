using System.Text.Json.Serialization;

namespace HubInfra.Core.Planning.Document;

/// <summary>
/// An event stack's plan as <c>plan --format json</c> prints it and <c>render</c> writes it (plan.yaml). Keys are
/// the camel-case property names; the README's "Plan document" section describes each one.
/// </summary>
public sealed record EventPlanDocument(
    string Stack,
    string Kind,
    string Community,
    string Hub,
    string Namespace,
    ProfileDocument Profile,
    string TimeZone,
    int Attendees,
    double PeakFraction,
    int PreWarmMinutes,
    bool PreWarmDerived,
    int GraceMinutes,
    string Backend,
    string Placement,
    TrackingDocument Tracking,
    ReleasePolicyDocument Release,
    PlaceholderPriorityDocument PlaceholderPriority,
    AttendeeCountDocument AttendeeCount,
    IReadOnlyList<EventPoolDocument> NodePools,
    int SeatsPerNode,
    int PeakSeats,
    int PeakNodes,
    double NodeHours,
    CostDocument EstimatedCost,
    ExpectedDocument Expected,
    PhaseTotalsDocument Phases,
    IReadOnlyList<WindowDocument> Windows,
    IReadOnlyList<ExclusionDocument> MaintenanceExclusions,
    IReadOnlyList<string> Notes,
    LoginStormDocument? LoginStorm,
    HubDocument? WorkshopHub)
{
    /// <summary>What the peak needs of the region's quotas, with overlapping events; left out when not computed.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public QuotaDocument? Quota { get; init; }
}

/// <summary>The profile whose guarantees size a seat.</summary>
public sealed record ProfileDocument(string Name, double CpuGuarantee, string MemoryGuarantee);

/// <summary>The PriorityClass the placeholders run under (below every user server, never preempting).</summary>
public sealed record PlaceholderPriorityDocument(string PriorityClass, int Value, string PreemptionPolicy);

/// <summary>How the scaler counts attendees: the pods its selector matches, by <see cref="Rule"/> (all-servers or created-since-warm-up).</summary>
public sealed record AttendeeCountDocument(string Selector, string Rule);

/// <summary>The pool an event's seats are planned on.</summary>
public sealed record EventPoolDocument(
    string Name,
    string MachineType,
    double AllocatableCpu,
    double AllocatableMemoryGiB,
    int SeatsPerNode,
    int MaxNodes,
    decimal HourlyPrice,
    bool Dedicated,
    GpuDocument? Gpu);

/// <summary>Node-hours and cost of every arrival phase and every release phase, each summed once and rounded once.</summary>
public sealed record PhaseTotalsDocument(PhaseTotalDocument Arrival, PhaseTotalDocument Release);

/// <summary>Node-hours and cost of one kind of phase over all windows.</summary>
public sealed record PhaseTotalDocument(double NodeHours, decimal Cost);
