using HubInfra.Core.Config;
using HubInfra.Core.Kubernetes;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;

namespace HubInfra.Core.Validation;

/// <summary>
/// <c>hubinfra:capacity.backend: capacityBuffer</c> needs a cluster that has CapacityBuffers: GKE active buffers from
/// version 1.35.2-gke.1842000, in Preview ("Configure capacity buffers",
/// https://cloud.google.com/kubernetes-engine/docs/how-to/configure-capacity-buffer, "Before you begin"). HubInfra
/// pins no version, so the channel decides: every minor a cluster of the channel may run
/// (<see cref="ChannelVersions.LowestRun"/>, the unfavourable end, from <see cref="GkeReleaseChannels"/>) must be 1.35
/// or later; the channels' 1.35 patches on that table's date (1.35.6 and 1.35.7) are all past 1.35.2.
/// </summary>
public static class CapacityBufferRules
{
    public const int MinimumMinor = 35;

    public const string MinimumVersion = "1.35.2-gke.1842000";

    public static void Check(CommunityStack stack, List<Problem> problems)
    {
        if (stack.Capacity.Backend != CapacityBackend.CapacityBuffer || stack.Kind == StackKind.Local) return;
        var channel = GkeReleaseChannels.For(stack.Cluster.ReleaseChannel);
        if (channel.LowestRun >= MinimumMinor) return;
        var fit = GkeReleaseChannels.All.Where(c => c.LowestRun >= MinimumMinor).Select(c => c.Channel).ToList();
        problems.Add(new Problem("hubinfra:capacity.backend",
            $"capacityBuffer needs GKE {MinimumVersion} or later (CapacityBuffer, Preview), and a cluster on the {channel.Channel} channel may run " +
            $"{channel.RunText} (GKE release notes, {GkeReleaseChannels.AsOf}); set hubinfra:cluster.releaseChannel to " +
            $"{string.Join(" or ", fit)}, or use backend: placeholders"));
    }
}
