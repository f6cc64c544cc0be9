using HubInfra.Core.Capacity;
using HubInfra.Core.Schedule;
using NodaTime;

namespace HubInfra.Core.Model;

/// <summary>A node pool only for an event: user-pool labels and taint plus an event label, destroyed with the stack.</summary>
public sealed record EventPoolSettings(string MachineType, bool Spot, int HeadroomNodes, int DiskSizeGb)
{
    /// <summary>
    /// The pool as a user pool named like the profile's pool (so user pods land on it too); its maximum is planned later.
    /// Its accelerators: <see cref="Gpu"/>, or those of the profile's own pool (<paramref name="profilePoolGpu"/>).
    /// </summary>
    public NodePoolSettings AsUserPool(string name, GpuSettings? profilePoolGpu) =>
        new(name, NodePurpose.User, MachineType, 0, 1, Spot, DiskSizeGb, "pd-balanced", true, Gpu ?? profilePoolGpu, "hubinfra:event.pool")
        {
            SecondaryBootDiskImage = SecondaryBootDiskImage,
        };

    /// <summary><c>event.pool.gpu: {type, count}</c>; none: the accelerators of the profile's pool in the community.</summary>
    public GpuSettings? Gpu { get; init; }

    /// <summary>The pool's preloaded-image disk (see <see cref="NodePoolSettings.SecondaryBootDiskImage"/>).</summary>
    public string? SecondaryBootDiskImage { get; init; }
}

/// <summary>An event stack (<c>hubinfra:event</c>): who comes, when, to which hub and profile of which community stack.</summary>
public sealed record EventSettings(
    string StackName,
    string CommunityStack,
    string Hub,
    string Profile,
    DateTimeZone Zone,
    IReadOnlyList<DatedWindow> Windows,
    IReadOnlyList<DailyRange> Daily,
    int Attendees,
    double PeakFraction,
    Duration? Lead,
    Duration Grace,
    EventPoolSettings? Pool,
    HubSettings? WorkshopHub,
    CapacitySettings Capacity,
    string PlaceholderImage)
{
    /// <summary>
    /// <c>arrivalMinutes</c> (default 60): from each window's start, how long every planned seat stays warm; after it
    /// the warm headroom shrinks to <see cref="LateHeadroomSeats"/> so seats held for no-shows are released.
    /// </summary>
    public Duration Arrival { get; init; } = Duration.FromMinutes(60);

    /// <summary><c>lateHeadroomSeats</c>: warm seats kept free after the arrival phase; null means one node's seats.</summary>
    public int? LateHeadroomSeats { get; init; }

    /// <summary><c>noShowFraction</c> (0 to 0.9, default 0): the share of planned seats expected to stay empty. It never
    /// lowers the seats warmed at the start; <c>plan</c> reports the expected node-hours with it and <c>simulate</c> uses it.</summary>
    public double NoShowFraction { get; init; }

    /// <summary><c>arrivalStallMinutes</c> and <c>arrivalStallShare</c>: when a window's arrival phase ends early.</summary>
    public Scaling.ArrivalStall Stall { get; init; } = Scaling.ArrivalStall.Default;

    public int PeakSeats => (int)Math.Ceiling(Attendees * PeakFraction);
}
