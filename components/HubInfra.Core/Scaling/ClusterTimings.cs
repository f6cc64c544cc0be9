namespace HubInfra.Core.Scaling;

/// <summary>
/// How fast the cluster reacts, as the simulator models it. Every default names its source; override any of them
/// to match what your own cluster's events show (kubectl's <c>get events</c>, the cluster autoscaler's visibility logs).
/// </summary>
public sealed record ClusterTimings
{
    /// <summary>
    /// How often the cluster autoscaler looks for unschedulable pods: 10 s, its <c>scan-interval</c> default
    /// (kubernetes/autoscaler cluster-autoscaler/FAQ.md, "What are the parameters to CA?").
    /// </summary>
    public double ScanIntervalSeconds { get; init; } = 10;

    /// <summary>
    /// Extra delay from a scan to the scale-up request, drawn uniformly from 0 to this: 10 s, so about 5 s on average,
    /// which is the autoscaler's stated average on clusters under 100 nodes (same FAQ, "What are the Service Level
    /// Objectives for Cluster Autoscaler?": at most 30 s, about 5 s on average).
    /// </summary>
    public double DecisionLatencyMaxSeconds { get; init; } = 10;

    /// <summary>
    /// A new node boots in 80 to 120 s (uniform): "Each new node takes approximately 80 to 120 seconds to boot"
    /// (https://cloud.google.com/kubernetes-engine/docs/how-to/capacity-provisioning, "Why spare capacity
    /// provisioning is useful").
    /// </summary>
    public double BootMinSeconds { get; init; } = 80;

    /// <inheritdoc cref="BootMinSeconds"/>
    public double BootMaxSeconds { get; init; } = 120;

    /// <summary>
    /// An empty node is removed after it has been unneeded this long: 10 minutes, the autoscaler's
    /// <c>scale-down-unneeded-time</c> default (FAQ, "What are the parameters to CA?").
    /// </summary>
    public double ScaleDownUnneededSeconds { get; init; } = 600;

    /// <summary>
    /// No node is removed within this long after a scale-up: 10 minutes, <c>scale-down-delay-after-add</c>'s default
    /// (same table).
    /// </summary>
    public double ScaleDownDelayAfterAddSeconds { get; init; } = 600;

    /// <summary>
    /// From a seat being free on a node that already has the image to the server running: 2 to 8 s (uniform).
    /// An assumption (pod sandbox and container start, the preemption of a pause-image placeholder with no grace
    /// period); it leaves out the first attach of a home volume, which is the same for every strategy.
    /// </summary>
    public double StartMinSeconds { get; init; } = 2;

    /// <inheritdoc cref="StartMinSeconds"/>
    public double StartMaxSeconds { get; init; } = 8;

    /// <summary>
    /// Pulling a large single-user image on a fresh node when nothing else is known: 5 minutes. An assumption in the
    /// middle of the 2 to 20 minutes reported for large images; measure yours (kubectl's <c>get events</c>:
    /// "Successfully pulled image ... in ...") and pass <c>--pull-minutes</c> to <c>simulate</c>.
    /// </summary>
    public const double DefaultPullMinutes = 5;

    /// <summary>
    /// Seconds from a seat being asked for on no node to a node that can run it: the autoscaler's scan and decision,
    /// the boot, and the image pull unless the pool has the images preloaded (the worst case of each).
    /// </summary>
    public double UsableSeconds(bool preloaded, double pullMinutes = DefaultPullMinutes) =>
        ScanIntervalSeconds + DecisionLatencyMaxSeconds + BootMaxSeconds + (preloaded ? 0 : Math.Max(0, pullMinutes) * 60);

    public static ClusterTimings Default { get; } = new();
}
