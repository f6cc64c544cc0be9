using System.Collections.Immutable;
using HubInfra.Core.Config;
using HubInfra.Testing;

namespace HubInfra.Components.Tests;

/// <summary>What a first <c>pulumi up</c> on GKE needs beyond the resources themselves: NAT, order, identities, quota project.</summary>
public class GkeDeploymentTests
{
    private const string Pool = "gcp:container/nodePool:NodePool";
    private const string Iam = "gcp:projects/iAMMember:IAMMember";
    private const string Release = "kubernetes:helm.sh/v3:Release";
    private const string StorageClass = "kubernetes:storage.k8s.io/v1:StorageClass";

    private static ImmutableDictionary<string, object> Map(object? value) => (ImmutableDictionary<string, object>)value!;

    private static ImmutableArray<object> List(object? value) => (ImmutableArray<object>)value!;

    [Fact]
    public async Task Private_nodes_on_a_created_network_get_a_router_and_a_nat_that_logs_errors_only()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-gpu"));
        var router = mocks.OfType("gcp:compute/router:Router").Single().Inputs;
        Assert.Equal("europe-west4", router["region"]);
        Assert.Equal("ml-teaching-hub", router["project"]);
        var nat = mocks.OfType("gcp:compute/routerNat:RouterNat").Single().Inputs;
        Assert.Equal(router["name"], nat["router"]);
        Assert.Equal("europe-west4", nat["region"]);
        Assert.Equal("AUTO_ONLY", nat["natIpAllocateOption"]);
        Assert.Equal("LIST_OF_SUBNETWORKS", nat["sourceSubnetworkIpRangesToNat"]);
        var subnet = Map(Assert.Single(List(nat["subnetworks"])));
        var subnetwork = mocks.OfType("gcp:compute/subnetwork:Subnetwork").Single();
        Assert.Equal($"{subnetwork.Name}-id", subnet["name"]);
        Assert.Equal(["ALL_IP_RANGES"], List(subnet["sourceIpRangesToNats"]).Cast<string>());
        var log = Map(nat["logConfig"]);
        Assert.Equal(true, log["enable"]);
        Assert.Equal("ERRORS_ONLY", log["filter"]);
        // The cluster (and so every pool) comes up only once the NAT is there.
        Assert.True(mocks.When("start", "gcp:container/cluster:Cluster", "ml-teaching") > mocks.When("done", "gcp:compute/routerNat:RouterNat", (string)nat["name"]));
    }

    [Fact]
    public async Task Public_nodes_need_no_nat()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        Assert.Empty(mocks.OfType("gcp:compute/router:Router"));
        Assert.Empty(mocks.OfType("gcp:compute/routerNat:RouterNat"));
    }

    [Fact]
    public async Task Cluster_and_pools_wait_for_the_node_service_accounts_roles()
    {
        var mocks = new Mocks { DelayOf = type => type == Iam ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero };
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var grantsDone = mocks.OfType(Iam).Max(g => mocks.When("done", Iam, g.Name!));
        Assert.All(mocks.OfType(Pool), p => Assert.True(mocks.When("start", Pool, p.Name!) > grantsDone, $"pool {p.Name} started before the IAM grants"));
        Assert.True(mocks.When("start", "gcp:container/cluster:Cluster", "open-science") > grantsDone);
    }

    [Fact]
    public async Task The_hub_release_waits_for_the_core_and_its_user_pools_and_storage_classes_for_the_core_pool()
    {
        var mocks = new Mocks { DelayOf = type => type == Pool ? TimeSpan.FromMilliseconds(400) : TimeSpan.Zero };
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var release = mocks.OfType(Release).Single();
        foreach (var pool in new[] { "core", "user" })
            Assert.True(mocks.When("start", Release, release.Name!) > mocks.When("done", Pool, pool), $"the release started before pool {pool}");
        foreach (var sc in mocks.OfType(StorageClass))
            Assert.True(mocks.When("start", StorageClass, sc.Name!) > mocks.When("done", Pool, "core"), $"{sc.Name} started before the core pool");
    }

    [Fact]
    public async Task The_temporary_default_pool_runs_as_the_least_privilege_node_account()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var cluster = mocks.Single("gcp:container/cluster:Cluster", "open-science").Inputs;
        var nodeConfig = Map(cluster["nodeConfig"]);
        Assert.Equal("open-science-nodes@project.iam.gserviceaccount.com", nodeConfig["serviceAccount"]);
        Assert.Equal(["https://www.googleapis.com/auth/cloud-platform"], List(nodeConfig["oauthScopes"]).Cast<string>());
        Assert.Equal("GKE_METADATA", Map(nodeConfig["workloadMetadataConfig"])["mode"]);
    }

    [Fact]
    public async Task The_budget_and_its_channels_use_a_provider_with_the_project_as_quota_project()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var provider = mocks.OfType("pulumi:providers:gcp").Single();
        Assert.Equal("budget-billing", provider.Name);
        Assert.Equal("open-science-hub", provider.Inputs["billingProject"]);
        Assert.Equal("open-science-hub", provider.Inputs["project"]);
        Assert.Equal("true", provider.Inputs["userProjectOverride"].ToString()!.ToLowerInvariant());
        var budget = mocks.OfType("gcp:billing/budget:Budget").Single();
        Assert.Contains("::budget-billing::", budget.Provider);
        Assert.All(mocks.OfType("gcp:monitoring/notificationChannel:NotificationChannel"), c => Assert.Contains("::budget-billing::", c.Provider));
        // Nothing else is billed that way.
        Assert.DoesNotContain("budget-billing", mocks.OfType("gcp:container/cluster:Cluster").Single().Provider ?? "");
    }

    [Fact]
    public async Task An_event_reads_the_community_config_whether_or_not_it_is_a_secret_output()
    {
        foreach (var secret in new[] { false, true })
        {
            var mocks = new Mocks(ImmutableDictionary<string, object>.Empty
                .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config("community-small"))!.ToJson())
                .Add("kubeconfig", "apiVersion: v1\nkind: Config\n")
                .Add("clusterName", "open-science")
                .Add("clusterLocation", "us-central1"))
            {
                SecretOutputNames = secret ? ["kubeconfig", HubInfra.Core.Planning.CommunityContract.OutputName] : ["kubeconfig"],
            };
            var (_, outputs) = await StackRun.RunAsync(mocks, StackRun.Config("hackathon-2027"));
            Assert.True(outputs.ContainsKey("schedule"), $"secret={secret}");
            Assert.NotEmpty(mocks.OfType("kubernetes:yaml/v2:ConfigGroup"));
        }
    }
}

/// <summary>On preview and on update the program checks the project's real quotas in Cloud Quotas before any resource.</summary>
public class CloudQuotaCheckTests
{
    [Fact]
    public async Task Preview_looks_up_each_quota_the_pools_use_and_passes_when_they_fit()
    {
        var mocks = new Mocks { QuotaLimit = _ => 10_000 };
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"), preview: true);
        Assert.Contains("quota N2-CPUS-per-project-region", mocks.Timeline);
        Assert.Contains("quota SSD-TOTAL-GB-per-project-region", mocks.Timeline);
        Assert.Contains("quota IN-USE-ADDRESSES-per-project-region", mocks.Timeline);
        Assert.True(mocks.Timeline.IndexOf("quota N2-CPUS-per-project-region") < mocks.Timeline.FindIndex(t => t.StartsWith("start ", StringComparison.Ordinal)),
            "the quota is checked before any resource");
    }

    [Fact]
    public async Task Preview_fails_before_any_resource_when_the_pools_need_more_than_the_quota()
    {
        var mocks = new Mocks { QuotaLimit = id => id == "N2-CPUS-per-project-region" ? 24 : null };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(mocks, StackRun.Config("community-small"), preview: true));
        Assert.Contains("the node pools at their maxNodeCount: 84 N2_CPUS in us-central1 is more than the quota of 24 (Cloud Quotas N2-CPUS-per-project-region of open-science-hub)", error.ToString());
        Assert.DoesNotContain(mocks.Timeline, t => t.StartsWith("start gcp:container", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_without_a_preview_checks_the_quotas_too_and_fails_before_any_resource()
    {
        // `pulumi up --skip-preview` runs the program once, not as a dry run: the check must not depend on IsDryRun.
        var mocks = new Mocks { QuotaLimit = id => id == "N2-CPUS-per-project-region" ? 24 : null };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(mocks, StackRun.Config("community-small"), preview: false));
        Assert.Contains("84 N2_CPUS in us-central1 is more than the quota of 24", error.ToString());
        Assert.DoesNotContain(mocks.Timeline, t => t.StartsWith("start gcp:container", StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_update_whose_pools_fit_the_quotas_deploys_after_checking_them()
    {
        var mocks = new Mocks { QuotaLimit = _ => 10_000 };
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"), preview: false);
        Assert.Contains("quota N2-CPUS-per-project-region", mocks.Timeline);
        Assert.NotEmpty(mocks.OfType("gcp:container/cluster:Cluster"));
    }

    [Fact]
    public async Task An_event_with_its_own_pool_is_checked_with_the_community_pools_at_their_max()
    {
        var mocks = new Mocks(ImmutableDictionary<string, object>.Empty
            .Add(HubInfra.Core.Planning.CommunityContract.OutputName, HubInfra.Core.Planning.CommunityContract.Of(StackRun.Config("community-gpu"))!.ToJson())
            .Add("kubeconfig", "apiVersion: v1\nkind: Config\n")
            .Add("clusterName", "ml-teaching")
            .Add("clusterLocation", "europe-west4"))
        {
            QuotaLimit = id => id == "N2-CPUS-per-project-region" ? 600 : null,
        };
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(mocks, StackRun.Config("summer-school-2027"), preview: true));
        Assert.Contains("event summer-school-2027 at its peak (community-gpu's pools at their max plus the event's pool): ", error.ToString());
        Assert.Contains("N2_CPUS in europe-west4 is more than the quota of 600", error.ToString());
    }
}
