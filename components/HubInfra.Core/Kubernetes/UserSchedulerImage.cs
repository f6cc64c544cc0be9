namespace HubInfra.Core.Kubernetes;

/// <summary>
/// The kube-scheduler HubInfra runs as z2jh's user scheduler (values <c>scheduling.userScheduler.image</c>): the
/// newest pinned release within the version skew policy (<see cref="VersionSkew"/>) for every minor the cluster's
/// channel runs (<see cref="GkeReleaseChannels"/>). The chart 4.4.0 pins v1.30.14, four to six minors behind GKE's
/// channels; z2jh's main branch moved to v1.35 (with v1.33 for clusters below 1.34) and added the RBAC newer
/// schedulers need, which <see cref="UserSchedulerRbac"/> adds beside a 4.4.0 release.
/// </summary>
public static class UserSchedulerImage
{
    public const string Name = "registry.k8s.io/kube-scheduler";

    /// <summary>The pins, one per minor, each a tag shown to exist.</summary>
    public static IReadOnlyList<PinnedImage> Pins { get; } =
    [
        new(Name, "v1.32.5", 32, "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.32.md (v1.32.5); pulled as registry.k8s.io/kube-scheduler:v1.32.5 by kubeadm in public setup logs"),
        new(Name, "v1.33.9", 33, "jupyterhub/zero-to-jupyterhub-k8s main, jupyterhub/templates/scheduling/user-scheduler/deployment.yaml (its tag for clusters below 1.34)"),
        new(Name, "v1.34.2", 34, "kubernetes/kubernetes CHANGELOG/CHANGELOG-1.34.md (v1.34.2); pulled as registry.k8s.io/kube-scheduler:v1.34.2 by kubeadm in public setup logs"),
        new(Name, "v1.35.7", 35, "jupyterhub/zero-to-jupyterhub-k8s main, jupyterhub/values.yaml scheduling.userScheduler.image.tag"),
    ];

    /// <summary>
    /// The newest pin within the skew policy for every minor the channel runs; where none is (a channel running more
    /// than two minors), the newest pin not newer than the lowest of them: never newer than the API server, which
    /// the policy forbids outright, at the cost of being more than one minor older on the newest clusters.
    /// </summary>
    public static ImageChoice For(string releaseChannel)
    {
        var channel = GkeReleaseChannels.For(releaseChannel);
        var fitting = Pins.Where(p => channel.RunMinors.All(m => VersionSkew.SchedulerFits(p.Minor, m))).MaxBy(p => p.Minor);
        if (fitting is not null)
            return new ImageChoice(fitting, channel, true, null);
        var older = Pins.Where(p => p.Minor <= channel.LowestRun).MaxBy(p => p.Minor) ?? Pins[0];
        return new ImageChoice(older, channel, false,
            $"clusters in the {channel.Channel} channel run Kubernetes {channel.RunText} (GKE release notes, {GkeReleaseChannels.AsOf}), and no one " +
            $"kube-scheduler is within the version skew policy (never newer than the API server, at most one minor older; {VersionSkew.Doc}) for all of them: " +
            $"the user scheduler runs {older.Tag}, never newer than the cluster, but more than one minor older than a cluster at 1.{channel.HighestRun}");
    }
}
