using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Validation;

public class CommunityValidationTests
{
    [Fact]
    public void The_valid_inline_stack_has_no_problems()
    {
        var stack = TestStacks.Inline(TestStacks.Community);
        Assert.Empty(stack.Problems);
    }

    [Fact]
    public void Example_community_stacks_validate()
    {
        foreach (var name in new[] { "community-small", "community-gpu", "local" })
            Assert.Empty(TestStacks.Errors(TestStacks.Example(name)));
    }

    [Fact]
    public void Missing_required_keys_are_all_reported_at_once_with_their_keys()
    {
        var stack = TestStacks.Inline("""
            config:
              hubinfra:nodePools:
                user:
                  - machineType: n2-highmem-4
              hubinfra:hubs:
                - image: { name: x }
            """);
        var errors = TestStacks.Errors(stack);
        Assert.Contains(errors, e => e.StartsWith("hubinfra:project: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:region: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:nodePools.user[0].name: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:hubs[0].name: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:hubs[0].domain: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:hubs[0].image.tag: is required", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.StartsWith("hubinfra:hubs[0].auth: is required", StringComparison.Ordinal));
    }

    [Fact]
    public void A_plain_text_client_secret_is_refused_with_the_command_that_fixes_it()
    {
        var stack = TestStacks.Inline(TestStacks.Community.Replace("clientSecret: { secure: \"v1:xyz\" }", "clientSecret: hunter2hunter2"));
        var error = Assert.Single(stack.Errors);
        Assert.Equal("hubinfra:hubs[0].auth.github.clientSecret", error.Key);
        Assert.Contains("pulumi config set --secret --path 'hubs[0].auth.github.clientSecret'", error.Message);
    }

    [Theory]
    [InlineData("machineType: n2-highmem-4", "machineType: n2-hugemem-4", "hubinfra:nodePools.user[0].machineType", "not a GCE machine type")]
    [InlineData("maxNodeCount: 10", "maxNodeCount: 10\n        minNodeCount: 12", "hubinfra:nodePools.user[0].minNodeCount", "above the maximum")]
    [InlineData("tag: \"2025-03-14\"", "tag: latest", "hubinfra:hubs[0].image.tag", "must not be 'latest'")]
    [InlineData("- name: main", "- name: Main_Hub", "hubinfra:hubs[0].name", "lowercase")]
    [InlineData("- name: main", "- name: main\n      chartVersion: four", "hubinfra:hubs[0].chartVersion", "not a chart version")]
    [InlineData("guarantee: 2G", "guarantee: 40G", "hubinfra:hubs[0].profiles[0].memory.guarantee", "does not fit on n2-highmem-4")]
    [InlineData("nodePool: user", "nodePool: gpu", "hubinfra:hubs[0].profiles[0].nodePool", "not a user node pool")]
    [InlineData("allowedOrganizations: [my-org]", "allowedTeams: [my-org]", "hubinfra:hubs[0].auth.github.allowedTeams[0]", "org:team")]
    [InlineData("allowedOrganizations: [my-org]", "allowedOrganizations: []", "hubinfra:hubs[0].auth.github.allowedOrganizations", "every GitHub user")]
    [InlineData("hubinfra:region: us-central1", "hubinfra:region: us-central1\n  hubinfra:clustr: {}", "hubinfra:clustr", "did you mean 'cluster'")]
    public void A_bad_value_is_reported_at_its_key(string find, string replace, string key, string fragment)
    {
        var stack = TestStacks.Inline(TestStacks.Community.Replace(find, replace));
        Assert.Contains(stack.Errors, p => p.Key == key && p.Message.Contains(fragment, StringComparison.Ordinal));
    }

    [Fact]
    public void Gpu_types_must_exist_and_fit_the_machine()
    {
        var unknown = TestStacks.Inline(TestStacks.Community.Replace("maxNodeCount: 10", "maxNodeCount: 10\n        gpu: { type: nvidia-tesla-k9000 }"));
        Assert.Contains(unknown.Errors, p => p.Key == "hubinfra:nodePools.user[0].gpu.type");
        var misfit = TestStacks.Inline(TestStacks.Community.Replace("maxNodeCount: 10", "maxNodeCount: 10\n        gpu: { type: nvidia-tesla-t4 }"));
        Assert.Contains(misfit.Errors, p => p.Key == "hubinfra:nodePools.user[0].gpu");
    }

    [Fact]
    public void Duplicate_hub_names_namespaces_and_domains_are_refused()
    {
        var hub = TestStacks.Community[TestStacks.Community.IndexOf("    - name: main", StringComparison.Ordinal)..];
        var stack = TestStacks.Inline(TestStacks.Community + "\n" + hub);
        var keys = stack.Errors.Select(p => p.Key).ToList();
        Assert.Contains("hubinfra:hubs[1].name", keys);
        Assert.Contains("hubinfra:hubs[1].namespace", keys);
        Assert.Contains("hubinfra:hubs[1].domain", keys);
    }

    [Fact]
    public void Problems_are_errors_unless_they_are_warnings()
    {
        var stack = TestStacks.Inline(TestStacks.Community.Replace("tag: \"2025-03-14\"", "tag: latest"));
        Assert.All(stack.Problems, p => Assert.Equal(Severity.Error, p.Severity));
    }
}
