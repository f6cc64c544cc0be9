using HubInfra.Core.Kubernetes;
using HubInfra.Core.Planning;

namespace HubInfra.Core.Tests.Kubernetes;

/// <summary>
/// The user scheduler's kube-scheduler and the scaler's kubectl against the minors GKE's channels run
/// (<see cref="GkeReleaseChannels"/>) under Kubernetes' version skew policy: when the channel table moves (a new
/// reading of GKE's release notes), these fail until the pins move with it.
/// </summary>
public class VersionSkewTests
{
    public static TheoryData<string> Channels() => new(GkeReleaseChannels.All.Select(c => c.Channel));

    [Theory]
    [MemberData(nameof(Channels))]
    public void The_user_scheduler_is_never_newer_than_the_cluster_and_within_one_minor_where_one_image_can_be(string channel)
    {
        var choice = UserSchedulerImage.For(channel);
        var row = GkeReleaseChannels.For(channel);
        Assert.All(row.RunMinors, m => Assert.True(choice.Image.Minor <= m, $"{choice.Image.Tag} is newer than a {channel} cluster at 1.{m}"));
        if (row.HighestRun - row.LowestRun <= 1)
        {
            Assert.True(choice.Fits, $"{channel}: {choice.Why}");
            Assert.All(row.RunMinors, m => Assert.True(VersionSkew.SchedulerFits(choice.Image.Minor, m), $"{choice.Image.Tag} on a {channel} cluster at 1.{m}"));
        }
        else
        {
            Assert.False(choice.Fits);
            Assert.Contains("more than one minor older", choice.Why);
        }
    }

    [Theory]
    [MemberData(nameof(Channels))]
    public void Kubectl_is_within_one_minor_of_every_cluster_where_one_image_can_be(string channel)
    {
        var choice = KubectlImage.For(channel);
        var row = GkeReleaseChannels.For(channel);
        if (row.HighestRun - row.LowestRun <= 2)
            Assert.All(row.RunMinors, m => Assert.True(VersionSkew.KubectlFits(choice.Image.Minor, m), $"kubectl {choice.Image.Tag} on a {channel} cluster at 1.{m}"));
        else
            Assert.False(choice.Fits);
    }

    [Fact]
    public void The_skew_rules_refuse_a_newer_scheduler_and_kubectl_two_minors_away()
    {
        Assert.False(VersionSkew.SchedulerFits(35, 34));
        Assert.False(VersionSkew.SchedulerFits(33, 35));
        Assert.True(VersionSkew.SchedulerFits(34, 35));
        Assert.False(VersionSkew.KubectlFits(35, 33));
        Assert.True(VersionSkew.KubectlFits(35, 36));
        // The chart 4.4.0's own v1.30.14 fits no channel: why HubInfra sets the tag.
        Assert.All(GkeReleaseChannels.All, c => Assert.False(c.RunMinors.All(m => VersionSkew.SchedulerFits(30, m)), c.Channel));
    }

    [Fact]
    public void Extended_clusters_get_the_older_kubectl_and_scheduler_and_validate_says_why()
    {
        Assert.Equal("docker.io/alpine/k8s:1.33.3", KubectlImage.For("EXTENDED").Image.Reference);
        Assert.Equal("v1.32.5", UserSchedulerImage.For("EXTENDED").Image.Tag);
        var loaded = TestStacks.Inline(TestStacks.Community.Replace("  hubinfra:region: us-central1\n",
            "  hubinfra:region: us-central1\n  hubinfra:cluster: { releaseChannel: EXTENDED }\n"));
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        var warnings = loaded.Problems.Where(p => p.Key == "hubinfra:cluster.releaseChannel").ToList();
        Assert.Equal(2, warnings.Count);
        Assert.Contains(warnings, w => w.Message.Contains("kube-scheduler", StringComparison.Ordinal));
        Assert.Contains(warnings, w => w.Message.Contains("kubectl 1.33.3", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_example_hub_runs_its_channels_scheduler_with_the_rbac_that_version_reads()
    {
        var set = TestStacks.Examples();
        foreach (var name in set.StackNames)
        {
            var loaded = set.Load(name);
            if (loaded.Kind != Model.StackKind.Community) continue;
            var channel = loaded.Community!.Cluster.ReleaseChannel;
            foreach (var hub in CommunityPlan.From(loaded.Community).Hubs)
            {
                var image = (Dictionary<string, object?>)((Dictionary<string, object?>)((Dictionary<string, object?>)hub.Values["scheduling"]!)["userScheduler"]!)["image"]!;
                var tag = (string)image["tag"]!;
                var minor = int.Parse(tag.Split('.')[1], System.Globalization.CultureInfo.InvariantCulture);
                Assert.All(GkeReleaseChannels.For(channel).RunMinors, m => Assert.True(VersionSkew.SchedulerFits(minor, m), $"{name}/{hub.Name}: {tag} on 1.{m}"));
                var yaml = hub.ManifestsYaml;
                Assert.Contains("resourceslices", yaml);
                Assert.Contains("volumeattachments", yaml);
                Assert.Contains($"name: {ChartObjects.UserSchedulerServiceAccount.NameFor(hub.ReleaseName)}\n", yaml);
                Assert.Contains($"namespace: {hub.Namespace}\n", yaml);
            }
        }
    }

    [Fact]
    public void The_readme_table_shows_the_pins_each_channel_gets()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md")).Replace("\r\n", "\n");
        foreach (var channel in GkeReleaseChannels.All)
        {
            var scheduler = UserSchedulerImage.For(channel.Channel);
            var row = $"| `{channel.Channel}` | {channel.RunText} | {scheduler.Image.Tag}{(scheduler.Fits ? "" : " (warning)")} | " +
                      $"{KubectlImage.For(channel.Channel).Image.Tag}{(KubectlImage.For(channel.Channel).Fits ? "" : " (warning)")} |";
            Assert.Contains(row, readme);
        }
    }

    [Fact]
    public void The_extra_rbac_grows_with_the_scheduler_as_kube_scheduler_s_own_cluster_role_did()
    {
        Assert.Empty(UserSchedulerRbac.ExtraRules(30));
        static string Text(int minor) => string.Join(" ", UserSchedulerRbac.ExtraRules(minor).SelectMany(r => (List<object?>)((Dictionary<string, object?>)r!)["resources"]!));
        Assert.Contains("leasecandidates", Text(31));
        Assert.DoesNotContain("volumeattachments", Text(31));
        Assert.Contains("volumeattachments", Text(32));
        Assert.DoesNotContain("resourceclaims", Text(33));
        Assert.Contains("resourceclaims/status", Text(34));
        Assert.DoesNotContain("resourceclaims/binding", Text(35));
        Assert.Contains("resourceclaims/binding", Text(36));
    }
}
