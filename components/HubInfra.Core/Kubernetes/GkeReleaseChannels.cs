namespace HubInfra.Core.Kubernetes;

/// <summary>
/// GKE's release channels and the Kubernetes minors each runs, read on <see cref="AsOf"/> from the "Current versions"
/// table of the GKE release notes (<see cref="Source"/>): available minors, "Default patch version for cluster
/// creation" and "Recommended auto-upgrade target". At that date:
/// <code>
/// channel      available       default  auto-upgrade target
/// RAPID        1.34 to 1.37    1.36.4   1.36.4
/// REGULAR      1.34 to 1.36    1.35.7   1.35.7
/// STABLE       1.34 to 1.35    1.35.6   1.34.9
/// EXTENDED     1.31 to 1.36    1.35.7   1.32.13
/// No channel   1.34 to 1.36    1.35.7   1.34.9
/// </code>
/// GKE moves a channel about one minor every four months: re-read the table when it does, then the version tests
/// (<see cref="UserSchedulerImage"/>, <see cref="KubectlImage"/>) say which image pin must move.
/// </summary>
public static class GkeReleaseChannels
{
    public const string AsOf = "2026-12-05";

    public const string Source = "https://cloud.google.com/kubernetes-engine/docs/release-notes (\"Current versions\")";

    /// <summary>The channels, as the GKE API and <c>hubinfra:cluster.releaseChannel</c> name them.</summary>
    public static IReadOnlyList<ChannelVersions> All { get; } =
    [
        new("RAPID", 34, 37, 36, 36),
        new("REGULAR", 34, 36, 35, 35),
        new("STABLE", 34, 35, 35, 34),
        new("EXTENDED", 31, 36, 35, 32),
        new("UNSPECIFIED", 34, 36, 35, 34),
    ];

    /// <summary>The channel's row; an unknown channel (refused by validation) reads as REGULAR, GKE's default channel.</summary>
    public static ChannelVersions For(string channel) =>
        All.FirstOrDefault(c => c.Channel == channel) ?? All.Single(c => c.Channel == "REGULAR");
}
