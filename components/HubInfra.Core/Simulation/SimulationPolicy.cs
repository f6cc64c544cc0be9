using HubInfra.Core.Planning;

namespace HubInfra.Core.Simulation;

/// <summary>
/// What the simulator needs of an event's warm-capacity policy and of the run's scenario.
/// <list type="bullet">
/// <item><see cref="TrackingIntervalSeconds"/>: how often the scaler sets placeholders = target − users (default 60 s).</item>
/// <item><see cref="ReleaseAfterMinutes"/>: after each window's start plus this, the target shrinks from the planned
/// seats to users + <see cref="LateHeadroomSeats"/> (default 60 minutes).</item>
/// <item><see cref="LateHeadroomSeats"/>: warm seats kept for late arrivals after the release (default one node's seats).</item>
/// <item><see cref="PreemptedPlaceholdersRecreated"/>: true when a placeholder preempted by a user is recreated at
/// once (a Deployment's ReplicaSet does that) and asks for capacity until the scaler's next tick; false when the
/// design does not recreate it.</item>
/// <item><see cref="RemovePlaceholdersFromFullestNodes"/>: when the scaler lowers the count, the placeholders on the
/// nodes with the most users go first (the scaler chooses the pods it deletes) instead of a ReplicaSet's default
/// (emptiest nodes first).</item>
/// <item><see cref="Preloaded"/>: the pool has a secondary boot disk with the images (no pull on a fresh node).</item>
/// <item><see cref="PullMinutes"/>: pulling the user image on a fresh node without a preloaded disk.</item>
/// <item><see cref="NoShowFraction"/>: share of the planned seats whose people never come.</item>
/// </list>
/// </summary>
public sealed record SimulationPolicy(
    int TrackingIntervalSeconds,
    int ReleaseAfterMinutes,
    int LateHeadroomSeats,
    bool PreemptedPlaceholdersRecreated,
    bool RemovePlaceholdersFromFullestNodes,
    bool Preloaded,
    double PullMinutes,
    double NoShowFraction,
    int Seed)
{
    /// <summary>
    /// Pull time of a large single-user image on a fresh node when nothing else is known: 5 minutes. An assumption
    /// in the middle of the 2 to 20 minutes issue 9 reports for large images; measure yours
    /// (kubectl's <c>get events</c>: "Successfully pulled image ... in ...") and pass <c>--pull-minutes</c>.
    /// </summary>
    public const double DefaultPullMinutes = 5;

    /// <summary>The seed <c>simulate</c> uses unless told otherwise, so two runs print the same figures.</summary>
    public const int DefaultSeed = 2027;

    /// <summary>The event's policy as its plan states it; the scenario (no-shows, pull time, seed) comes from the caller.</summary>
    public static SimulationPolicy From(EventPlan plan, double noShowFraction = 0, double? pullMinutes = null, int seed = DefaultSeed) =>
        new(
            TrackingIntervalSeconds: plan.TrackingIntervalSeconds,
            ReleaseAfterMinutes: plan.ReleaseAfterMinutes,
            LateHeadroomSeats: plan.HeadroomSeats,
            // The placeholders are bare pods the scaler creates (Scripts/placeholder-scaler.sh): a preempted one is
            // gone, not recreated, and the scaler deletes the surplus pending first, then on the nodes with the most
            // user servers.
            PreemptedPlaceholdersRecreated: false,
            RemovePlaceholdersFromFullestNodes: true,
            Preloaded: plan.Pool.SecondaryBootDiskImage is not null,
            PullMinutes: pullMinutes ?? DefaultPullMinutes,
            NoShowFraction: noShowFraction,
            Seed: seed);
}
