using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using HubInfra.Core.Yaml;

namespace HubInfra.Core.Tests.Values;

public class HubValuesTests
{
    private static Dictionary<string, object?> ValuesOf(string stack, string hub)
    {
        var loaded = TestStacks.Example(stack);
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Errors));
        return CommunityPlan.From(loaded.Community!).Hubs.Single(h => h.Name == hub).Values;
    }

    private static object? At(object? tree, string path)
    {
        foreach (var part in path.Split('.'))
            tree = tree is Dictionary<string, object?> map && map.TryGetValue(part, out var v) ? v : throw new KeyNotFoundException(path);
        return tree;
    }

    [Fact]
    public void GitHub_oauth_gets_orgs_teams_callback_and_read_org_scope_and_a_secret_reference()
    {
        var values = ValuesOf("community-small", "main");
        Assert.Equal("github", At(values, "hub.config.JupyterHub.authenticator_class"));
        Assert.Equal("https://hub.open-science.example.org/hub/oauth_callback", At(values, "hub.config.GitHubOAuthenticator.oauth_callback_url"));
        Assert.Equal(new List<string> { "open-science-example", "open-science-example:instructors" }, At(values, "hub.config.GitHubOAuthenticator.allowed_organizations"));
        Assert.Equal(new List<object?> { "read:org" }, At(values, "hub.config.GitHubOAuthenticator.scope"));
        var secret = Assert.IsType<ValueRef>(At(values, "hub.config.GitHubOAuthenticator.client_secret"));
        Assert.True(secret.IsSecret);
        Assert.Equal(new List<string> { "octo-admin" }, At(values, "hub.config.Authenticator.admin_users"));
    }

    [Fact]
    public void Rendered_yaml_redacts_the_client_secret()
    {
        var yaml = ValuesYaml.Serialize(ValuesOf("community-small", "main"));
        Assert.Contains("client_secret: '[secret]'", yaml);
        Assert.DoesNotContain("v1:", yaml);
    }

    [Fact]
    public void Pre_puller_hook_and_continuous_are_on_and_every_profile_image_is_pulled()
    {
        var values = ValuesOf("community-gpu", "courses");
        Assert.Equal(true, At(values, "prePuller.hook.enabled"));
        Assert.Equal(true, At(values, "prePuller.continuous.enabled"));
        var extra = (Dictionary<string, object?>)At(values, "prePuller.extraImages")!;
        Assert.Equal("quay.io/jupyter/scipy-notebook", At(extra["profile-cpu"], "name"));
        Assert.Equal("2025-03-14", At(extra["profile-cpu"], "tag"));
        Assert.Equal("quay.io/jupyter/r-notebook", At(extra["extra-0"], "name"));
    }

    [Fact]
    public void Profiles_select_their_pool_and_carry_guarantees_limits_and_gpus()
    {
        var values = ValuesOf("community-gpu", "courses");
        var profiles = (List<object?>)At(values, "singleuser.profileList")!;
        var gpu = profiles.Cast<Dictionary<string, object?>>().Single(p => (string?)p["slug"] == "gpu");
        Assert.Equal(3.0, At(gpu, "kubespawner_override.cpu_guarantee"));
        Assert.Equal("20G", At(gpu, "kubespawner_override.mem_guarantee"));
        Assert.Equal("24G", At(gpu, "kubespawner_override.mem_limit"));
        var selector = (Dictionary<string, object?>)At(gpu, "kubespawner_override.node_selector")!;
        Assert.Equal("gpu", selector[Labels.NodePool]);
        var limits = (Dictionary<string, object?>)At(gpu, "kubespawner_override.extra_resource_limits")!;
        Assert.Equal("1", limits["nvidia.com/gpu"]);
    }

    [Fact]
    public void Security_defaults_block_cloud_metadata_and_enable_network_policies_and_pod_priority()
    {
        var values = ValuesOf("community-small", "main");
        Assert.Equal(true, At(values, "singleuser.cloudMetadata.blockWithIptables"));
        Assert.Equal(true, At(values, "singleuser.networkPolicy.enabled"));
        Assert.Equal(true, At(values, "hub.networkPolicy.enabled"));
        Assert.Equal(true, At(values, "scheduling.podPriority.enabled"));
        Assert.Equal("require", At(values, "scheduling.userPods.nodeAffinity.matchNodePurpose"));
    }

    [Fact]
    public void Community_homes_and_hub_database_use_the_retain_storage_class()
    {
        var values = ValuesOf("community-small", "main");
        Assert.Equal(StorageClasses.Retain, At(values, "singleuser.storage.dynamic.storageClass"));
        Assert.Equal(StorageClasses.Retain, At(values, "hub.db.pvc.storageClassName"));
        Assert.Equal("10Gi", At(values, "singleuser.storage.capacity"));
    }

    [Fact]
    public void Https_uses_lets_encrypt_and_the_static_ip_reference()
    {
        var values = ValuesOf("community-small", "main");
        Assert.Equal("letsencrypt", At(values, "proxy.https.type"));
        Assert.Equal("admins@open-science.example.org", At(values, "proxy.https.letsencrypt.contactEmail"));
        Assert.Equal(ValueRef.StaticIp("main"), At(values, "proxy.service.loadBalancerIP"));
    }
}
