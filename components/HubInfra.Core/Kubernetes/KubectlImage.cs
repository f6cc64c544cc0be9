namespace HubInfra.Core.Kubernetes;

/// <summary>
/// The kubectl the event's placeholder scaler runs: alpine/k8s (kubectl and busybox's POSIX sh), pinned by version,
/// the newest pin within one minor of every minor the cluster's channel runs (<see cref="VersionSkew"/>,
/// <see cref="GkeReleaseChannels"/>). alpine/k8s tags are kubectl's patch versions, built for the four newest
/// minors by alpine-docker/k8s (.github/workflows/build.yml).
/// </summary>
public static class KubectlImage
{
    public const string Name = "docker.io/alpine/k8s";

    public static IReadOnlyList<PinnedImage> Pins { get; } =
    [
        new(Name, "1.33.3", 33, "pulled as alpine/k8s:1.33.3 in public manifests and scripts (docker run alpine/k8s:1.33.3 kubectl)"),
        new(Name, "1.35.3", 35, "pulled by digest (sha256:097aa60c…) as alpine/k8s:1.35.3 in public manifests"),
    ];

    /// <summary>
    /// The newest pin within one minor of every minor the channel runs; where none is, the pin within one minor of
    /// the most of them (the newest on a tie), with <see cref="ImageChoice.Why"/> saying which are left out.
    /// </summary>
    public static ImageChoice For(string releaseChannel)
    {
        var channel = GkeReleaseChannels.For(releaseChannel);
        var fitting = Pins.Where(p => channel.RunMinors.All(m => VersionSkew.KubectlFits(p.Minor, m))).MaxBy(p => p.Minor);
        if (fitting is not null)
            return new ImageChoice(fitting, channel, true, null);
        var best = Pins.OrderByDescending(p => channel.RunMinors.Count(m => VersionSkew.KubectlFits(p.Minor, m))).ThenByDescending(p => p.Minor).First();
        var outside = channel.RunMinors.Where(m => !VersionSkew.KubectlFits(best.Minor, m)).Select(m => $"1.{m}");
        return new ImageChoice(best, channel, false,
            $"clusters in the {channel.Channel} channel run Kubernetes {channel.RunText} (GKE release notes, {GkeReleaseChannels.AsOf}), and kubectl is " +
            $"supported within one minor of the API server ({VersionSkew.Doc}): the placeholder scaler runs kubectl {best.Tag}, outside that range on a cluster at " +
            string.Join(" or ", outside));
    }
}
