using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;

namespace HubInfra.Core.Simulation;

/// <summary>
/// The scenario of one <c>simulate</c> run, beside the event's own policy (its <see cref="ScalerSpec"/>):
/// <list type="bullet">
/// <item><see cref="Backend"/>: placeholder pods or a CapacityBuffer (the community's <c>capacity.backend</c> unless told).</item>
/// <item><see cref="Preloaded"/>: the pool has a secondary boot disk with the images (no pull on a fresh node).</item>
/// <item><see cref="PullMinutes"/>: pulling the user image on a fresh node without a preloaded disk.</item>
/// <item><see cref="NoShowFraction"/>: share of the planned seats whose people never come (the event's
/// <c>noShowFraction</c> unless told).</item>
/// <item><see cref="Seed"/>: the random seed (same seed, same figures).</item>
/// </list>
/// </summary>
public sealed record SimulationPolicy(
    CapacityBackend Backend,
    bool Preloaded,
    double PullMinutes,
    double NoShowFraction,
    int Seed)
{
    /// <summary>The seed <c>simulate</c> uses unless told otherwise, so two runs print the same figures.</summary>
    public const int DefaultSeed = 2027;

    public static SimulationPolicy From(EventPlan plan, double? noShowFraction = null, double? pullMinutes = null, int seed = DefaultSeed,
        CapacityBackend? backend = null) =>
        new(
            Backend: backend ?? plan.Backend,
            Preloaded: plan.Pool.SecondaryBootDiskImage is not null,
            PullMinutes: pullMinutes ?? ClusterTimings.DefaultPullMinutes,
            NoShowFraction: noShowFraction ?? plan.Event.NoShowFraction,
            Seed: seed);
}
