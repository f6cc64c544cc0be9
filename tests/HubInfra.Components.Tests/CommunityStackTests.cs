using System.Collections.Immutable;
using HubInfra.Testing;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace HubInfra.Components.Tests;

public class CommunityStackTests
{
    private static ImmutableDictionary<string, object> Map(object? value) => (ImmutableDictionary<string, object>)value!;

    private static ImmutableArray<object> List(object? value) => (ImmutableArray<object>)value!;

    [Fact]
    public async Task Community_small_registers_cluster_pools_hub_address_storage_and_budget()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var types = mocks.Registered.Select(r => r.Type).ToList();
        Assert.Single(types, t => t == "gcp:container/cluster:Cluster");
        Assert.Equal(2, types.Count(t => t == "gcp:container/nodePool:NodePool"));
        Assert.Single(types, t => t == "kubernetes:core/v1:Namespace");
        Assert.Single(types, t => t == "kubernetes:helm.sh/v3:Release");
        Assert.DoesNotContain("kubernetes:core/v1:ServicePatch", types); // a community hub's proxy Service is the chart's
        Assert.Single(types, t => t == "gcp:compute/address:Address");
        Assert.Equal(2, types.Count(t => t == "kubernetes:storage.k8s.io/v1:StorageClass"));
        Assert.Single(types, t => t == "gcp:billing/budget:Budget");
        Assert.Equal(2, types.Count(t => t == "gcp:projects/iAMMember:IAMMember"));
    }

    [Fact]
    public async Task The_cluster_is_hardened_and_carries_the_event_maintenance_exclusions()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var cluster = mocks.Single("gcp:container/cluster:Cluster", "open-science").Inputs;
        Assert.Equal("open-science-hub.svc.id.goog", Map(cluster["workloadIdentityConfig"])["workloadPool"]);
        Assert.Equal("ADVANCED_DATAPATH", cluster["datapathProvider"]);
        Assert.Equal(true, cluster["enableShieldedNodes"]);
        Assert.Equal(true, cluster["deletionProtection"]);
        Assert.Equal(true, cluster["removeDefaultNodePool"]);
        Assert.Equal("us-central1", cluster["location"]);
        var exclusions = List(Map(cluster["maintenancePolicy"])["maintenanceExclusions"]).Select(Map).ToList();
        Assert.Contains(exclusions, e => (string)e["exclusionName"] == "hackathon-2027-1" && (string)e["startTime"] == "2027-03-06T13:15:00Z"
                                         && (string)Map(e["exclusionOptions"])["scope"] == "NO_UPGRADES");
        var sa = mocks.OfType("gcp:serviceaccount/account:Account").Single().Inputs;
        Assert.Equal("open-science-nodes", sa["accountId"]);
        Assert.Equal(["roles/artifactregistry.reader", "roles/container.defaultNodeServiceAccount"],
            mocks.OfType("gcp:projects/iAMMember:IAMMember").Select(m => (string)m.Inputs["role"]).Order());
    }

    [Fact]
    public async Task The_cluster_gets_the_exclusion_of_an_event_stack_file_in_its_folder_that_its_own_file_lacks()
    {
        var folder = Directory.CreateTempSubdirectory("hubinfra-stacks-");
        try
        {
            File.Copy(Path.Combine(StackRun.StacksDirectory, "Pulumi.community-small.yaml"), Path.Combine(folder.FullName, "Pulumi.community-small.yaml"));
            File.WriteAllText(Path.Combine(folder.FullName, "Pulumi.may-day-2027.yaml"), """
                config:
                  hubinfra:kind: event
                  hubinfra:event:
                    community: community-small
                    hub: main
                    profile: small
                    timeZone: Europe/Berlin
                    attendees: 20
                    windows: [ { start: 2027-05-01T09:00, end: 2027-05-01T12:00 } ]
                """);
            var raw = StackRun.Config("community-small");
            Assert.DoesNotContain("may-day", raw.Values["cluster"]!.ToJsonString());

            var mocks = new Mocks();
            await StackRun.RunAsync(mocks, raw, stacks: folder.FullName);
            var policy = Map(mocks.Single("gcp:container/cluster:Cluster", "open-science").Inputs["maintenancePolicy"]);
            var exclusion = Assert.Single(List(policy["maintenanceExclusions"]).Select(Map));
            Assert.Equal("may-day-2027-1", exclusion["exclusionName"]);
            // 09:00–12:00 in Berlin (UTC+2) is 07:00–10:00 UTC; the exclusion covers the warm window around it.
            Assert.True(string.CompareOrdinal((string)exclusion["startTime"], "2027-05-01T07:00:00Z") <= 0, (string)exclusion["startTime"]);
            Assert.True(string.CompareOrdinal((string)exclusion["endTime"], "2027-05-01T10:00:00Z") >= 0, (string)exclusion["endTime"]);
            Assert.Equal("NO_UPGRADES", Map(exclusion["exclusionOptions"])["scope"]);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_maintenance_window_is_a_utc_recurring_window_in_the_regions_night()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var policy = Map(mocks.Single("gcp:container/cluster:Cluster", "open-science").Inputs["maintenancePolicy"]);
        Assert.False(policy.ContainsKey("dailyMaintenanceWindow"));
        var window = Map(policy["recurringWindow"]);
        // us-central1 is in Council Bluffs, Iowa (America/Chicago): 01:00 in standard time (UTC-6) is 07:00 UTC.
        Assert.Equal("2026-01-01T07:00:00Z", window["startTime"]);
        Assert.Equal("2026-01-01T11:00:00Z", window["endTime"]);
        Assert.Equal("FREQ=DAILY", window["recurrence"]);
    }

    [Fact]
    public async Task Each_hub_gets_the_rbac_its_newer_user_scheduler_reads_beside_the_release()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var yaml = (string)mocks.Single("kubernetes:yaml/v2:ConfigGroup", "main-extra").Inputs["yaml"];
        Assert.Contains("kind: ClusterRole\n", yaml);
        Assert.Contains("resourceslices", yaml);
        Assert.Contains("name: user-scheduler\n", yaml);
    }

    [Fact]
    public async Task User_pools_get_z2jh_labels_taint_totals_and_secure_node_settings()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var user = mocks.Single("gcp:container/nodePool:NodePool", "user").Inputs;
        Assert.Equal("user-", user["namePrefix"]);
        var autoscaling = Map(user["autoscaling"]);
        Assert.Equal(0, Convert.ToInt32(autoscaling["totalMinNodeCount"]));
        Assert.Equal(20, Convert.ToInt32(autoscaling["totalMaxNodeCount"]));
        var node = Map(user["nodeConfig"]);
        Assert.Equal("n2-highmem-4", node["machineType"]);
        Assert.Equal("user", Map(node["labels"])["hub.jupyter.org/node-purpose"]);
        Assert.Equal("user", Map(node["labels"])["hubinfra.org/node-pool"]);
        var taint = Map(Assert.Single(List(node["taints"])));
        Assert.Equal(("hub.jupyter.org_dedicated", "user", "NO_SCHEDULE"), ((string)taint["key"], (string)taint["value"], (string)taint["effect"]));
        Assert.Equal("GKE_METADATA", Map(node["workloadMetadataConfig"])["mode"]);
        Assert.Equal(true, Map(node["shieldedInstanceConfig"])["enableSecureBoot"]);
        Assert.Equal("true", Map(node["metadata"])["disable-legacy-endpoints"]);
        Assert.Equal(true, Map(node["gcfsConfig"])["enabled"]);
        Assert.Equal("open-science-nodes@project.iam.gserviceaccount.com", node["serviceAccount"]);

        var core = Map(mocks.Single("gcp:container/nodePool:NodePool", "core").Inputs["nodeConfig"]);
        Assert.Equal("core", Map(core["labels"])["hub.jupyter.org/node-purpose"]);
        Assert.False(core.ContainsKey("taints") && List(core["taints"]).Length > 0);
    }

    [Fact]
    public async Task The_community_hub_data_are_protected_and_no_pool_is()
    {
        var mocks = new Mocks();
        var (resources, _) = await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var pools = resources.OfType<Pulumi.Gcp.Container.NodePool>().ToList();
        Assert.Equal(2, pools.Count);
        // A change that replaces the core pool creates the new one (new name from the prefix) before deleting the old one.
        Assert.DoesNotContain(pools, StackRun.IsProtected);
        Assert.Equal("core-", mocks.Single("gcp:container/nodePool:NodePool", "core").Inputs["namePrefix"]);
        Assert.True(StackRun.IsProtected(resources.OfType<K8s.Core.V1.Namespace>().Single()));
        Assert.True(StackRun.IsProtected(resources.OfType<K8s.Helm.V3.Release>().Single()));
        var retain = resources.OfType<K8s.Storage.V1.StorageClass>().Single(s => StackRun.IsProtected(s));
        Assert.Equal("Retain", mocks.Single("kubernetes:storage.k8s.io/v1:StorageClass", "hubinfra-retain").Inputs["reclaimPolicy"]);
        _ = retain;
    }

    [Fact]
    public async Task The_helm_release_pins_the_chart_and_passes_the_planned_values_with_the_secret_as_a_secret()
    {
        var mocks = new Mocks();
        var (resources, _) = await StackRun.RunAsync(mocks, StackRun.Config("community-small"));
        var release = mocks.OfType("kubernetes:helm.sh/v3:Release").Single().Inputs;
        Assert.Equal("jupyterhub", release["chart"]);
        Assert.Equal("4.4.0", release["version"]);
        Assert.Equal("https://hub.jupyter.org/helm-chart/", Map(release["repositoryOpts"])["repo"]);
        Assert.Equal("main", release["namespace"]);
        var values = Map(release["values"]);
        var github = Map(Map(Map(values["hub"])["config"])["GitHubOAuthenticator"]);
        Assert.Equal("https://hub.open-science.example.org/hub/oauth_callback", github["oauth_callback_url"]);
        Assert.Equal("decrypted-secret", github["client_secret"]);
        Assert.Equal("198.51.100.7", Map(Map(values["proxy"])["service"])["loadBalancerIP"]);

        // The value above reached the release through this Output, which is a Pulumi secret end to end.
        var hub = HubInfra.Deploy.HubInfraProgram.BindCommunity(StackRun.Config("community-small")).Hubs[0];
        var secret = HubInfra.Deploy.CommunityDeployment.SecretOf(hub, HubInfra.Core.Yaml.ValueRef.GitHubClientSecret("main"));
        Assert.True(await Output.IsSecretAsync(secret));
        Assert.Equal("decrypted-secret", await StackRun.ValueOf(secret));
        _ = resources;
    }

    [Fact]
    public async Task Outputs_give_hub_urls_cluster_and_a_secret_kubeconfig_using_the_gke_auth_plugin()
    {
        var (_, outputs) = await StackRun.RunAsync(new Mocks(), StackRun.Config("community-small"));
        var kubeconfig = (Output<string>)outputs["kubeconfig"]!;
        Assert.True(await Output.IsSecretAsync(kubeconfig));
        Assert.Contains("command: gke-gcloud-auth-plugin", await StackRun.ValueOf(kubeconfig));
        var urls = await StackRun.ValueOf((Output<Dictionary<string, string>>)outputs["hubUrls"]!);
        Assert.Equal("https://hub.open-science.example.org", urls["main"]);
        Assert.DoesNotContain("decrypted-secret", (string)outputs[HubInfra.Core.Planning.CommunityContract.OutputName]!);
    }

    [Theory]
    [InlineData("community-small")]
    [InlineData("community-gpu")]
    public async Task The_community_exports_the_contract_the_cli_builds_from_its_stack_file(string community)
    {
        var (_, outputs) = await StackRun.RunAsync(new Mocks(), StackRun.Config(community));
        var fromFile = HubInfra.Core.Config.StackFile.Parse(community,
            File.ReadAllText(Path.Combine(StackRun.StacksDirectory, $"Pulumi.{community}.yaml")));
        Assert.Equal(HubInfra.Core.Planning.CommunityContract.Of(fromFile)!.ToJson(), (string)outputs[HubInfra.Core.Planning.CommunityContract.OutputName]!);
    }

    [Fact]
    public async Task A_bad_config_fails_with_every_problem_before_any_resource_is_registered()
    {
        var mocks = new Mocks();
        var raw = StackRun.Config("community-small", yaml => yaml.Replace("tag: \"2025-03-14\"", "tag: latest").Replace("minNodeCount: 0", "minNodeCount: 30"));
        var error = await Assert.ThrowsAnyAsync<Exception>(() => StackRun.RunAsync(mocks, raw));
        Assert.Contains("hubinfra:hubs[0].image.tag", error.ToString());
        Assert.Contains("hubinfra:nodePools.user[0].minNodeCount", error.ToString());
        Assert.Empty(mocks.Registered);
    }

    [Fact]
    public async Task A_gpu_pool_gets_its_accelerator_and_driver_and_private_nodes_their_config()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("community-gpu"));
        var gpu = Map(mocks.Single("gcp:container/nodePool:NodePool", "gpu").Inputs["nodeConfig"]);
        var accelerator = Map(Assert.Single(List(gpu["guestAccelerators"])));
        Assert.Equal("nvidia-tesla-t4", accelerator["type"]);
        Assert.Equal(1, Convert.ToInt32(accelerator["count"]));
        Assert.Equal("DEFAULT", Map(accelerator["gpuDriverInstallationConfig"])["gpuDriverVersion"]);
        Assert.Equal(true, Map(mocks.Single("gcp:container/nodePool:NodePool", "cpu").Inputs["nodeConfig"])["spot"]);
        var disk = Map(Assert.Single(List(gpu["secondaryBootDisks"])));
        Assert.Equal("global/images/courses-gpu-images-2027-06", disk["diskImage"]);
        Assert.Equal("CONTAINER_IMAGE_CACHE", disk["mode"]);
        Assert.False(Map(mocks.Single("gcp:container/nodePool:NodePool", "cpu").Inputs["nodeConfig"]).ContainsKey("secondaryBootDisks"));
        var cluster = mocks.OfType("gcp:container/cluster:Cluster").Single().Inputs;
        Assert.Equal(true, Map(cluster["privateClusterConfig"])["enablePrivateNodes"]);
        Assert.Equal("203.0.113.0/24", Map(List(Map(cluster["masterAuthorizedNetworksConfig"])["cidrBlocks"])[0])["cidrBlock"]);
    }

    [Fact]
    public async Task A_local_stack_deploys_only_the_hub_into_its_kube_context()
    {
        var mocks = new Mocks();
        await StackRun.RunAsync(mocks, StackRun.Config("local"));
        Assert.DoesNotContain(mocks.Registered, r => r.Type!.StartsWith("gcp:", StringComparison.Ordinal));
        Assert.Equal("kind-hubinfra", mocks.OfType("pulumi:providers:kubernetes").Single().Inputs["context"]);
        var values = Map(mocks.OfType("kubernetes:helm.sh/v3:Release").Single().Inputs["values"]);
        Assert.Equal("dummy", Map(Map(Map(values["hub"])["config"])["JupyterHub"])["authenticator_class"]);
        Assert.Equal("ClusterIP", Map(Map(values["proxy"])["service"])["type"]);
    }
}
