using System.Text.Json.Nodes;
using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Config;

public class StackFileTests
{
    [Fact]
    public void Reads_hubinfra_keys_types_scalars_and_keeps_secure_values_encrypted()
    {
        var raw = StackFile.Parse("s", """
            config:
              gcp:project: other
              hubinfra:region: us-central1
              hubinfra:cluster: { regional: false, name: "007" }
              hubinfra:hubs:
                - auth: { github: { clientSecret: { secure: v1:abc } } }
            """);

        Assert.Equal("us-central1", raw["region"]!.GetValue<string>());
        Assert.False(raw["cluster"]!["regional"]!.GetValue<bool>());
        Assert.Equal("007", raw["cluster"]!["name"]!.GetValue<string>());
        Assert.Equal("v1:abc", raw["hubs"]![0]!["auth"]!["github"]!["clientSecret"]!["secure"]!.GetValue<string>());
        Assert.Equal("other", raw.Foreign["gcp:project"]);
        Assert.False(raw.Values.ContainsKey("gcp:project"));
    }

    [Fact]
    public void A_file_that_is_not_yaml_is_reported_with_its_line()
    {
        var e = Assert.Throws<StackFileException>(() => StackFile.Parse("s", "config:\n  a: [unclosed\n", "stacks/Pulumi.s.yaml"));
        Assert.StartsWith("stacks/Pulumi.s.yaml:3:1: not valid YAML: ", e.Message);
    }

    [Fact]
    public void Every_example_stack_file_parses()
    {
        var files = StackFile.FindAll(TestStacks.Directory);
        Assert.True(files.Count >= 6, $"expected the example stacks, found {files.Count}");
        foreach (var file in files)
            Assert.NotEmpty(StackFile.Load(file).Values);
        _ = new JsonObject();
    }

    [Fact]
    public void A_key_without_namespace_is_the_projects_as_in_Pulumi_and_top_level_anchor_holders_are_ignored()
    {
        var raw = StackFile.Parse("s", """
            x-defaults: &pool { machineType: n2-highmem-4 }
            config:
              region: us-central1
              hubinfra:nodePools: { user: [ { <<: *pool, name: user } ] }
            """);
        Assert.Equal("us-central1", raw["region"]!.GetValue<string>());
        Assert.Equal("n2-highmem-4", raw["nodePools"]!["user"]![0]!["machineType"]!.GetValue<string>());
        Assert.Empty(raw.LayoutProblems);
    }
}
