namespace HubInfra.Core.Kubernetes;

/// <summary>
/// The Kubernetes minor versions (1.x, written as x) one GKE release channel offers, as GKE's release notes list
/// them in "Current versions": the minors available, the minor new clusters are created at, and the minor GKE
/// auto-upgrades clusters to.
/// </summary>
/// <param name="Channel">The channel as the GKE API names it (RAPID, REGULAR, STABLE, EXTENDED; UNSPECIFIED is "No channel").</param>
public sealed record ChannelVersions(string Channel, int AvailableFrom, int AvailableTo, int DefaultMinor, int AutoUpgradeTargetMinor)
{
    /// <summary>
    /// The lowest minor a HubInfra cluster in this channel may run. HubInfra pins no version: GKE creates the cluster
    /// at <see cref="DefaultMinor"/> and moves running clusters to <see cref="AutoUpgradeTargetMinor"/>, so a cluster
    /// created earlier may still be at the target while a new one starts at the default. The unfavourable side is
    /// taken: both ends count.
    /// </summary>
    public int LowestRun => Math.Min(DefaultMinor, AutoUpgradeTargetMinor);

    /// <summary>The highest minor a HubInfra cluster in this channel may run (see <see cref="LowestRun"/>).</summary>
    public int HighestRun => Math.Max(DefaultMinor, AutoUpgradeTargetMinor);

    /// <summary>Every minor a HubInfra cluster in this channel may run, lowest first.</summary>
    public IEnumerable<int> RunMinors => Enumerable.Range(LowestRun, HighestRun - LowestRun + 1);

    /// <summary>"1.34 to 1.35" (or "1.35").</summary>
    public string RunText => LowestRun == HighestRun ? $"1.{LowestRun}" : $"1.{LowestRun} to 1.{HighestRun}";
}
