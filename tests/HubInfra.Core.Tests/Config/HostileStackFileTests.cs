using System.Text;
using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Config;

/// <summary>Inputs that used to crash or hang the tool: each is now one <see cref="StackFileException"/> naming file, line and column.</summary>
public class HostileStackFileTests
{
    private static StackFileException Fails(string yaml) =>
        Assert.Throws<StackFileException>(() => StackFile.Parse("s", yaml, "stacks/Pulumi.s.yaml"));

    [Theory]
    [InlineData("config:\n  hubinfra:hubs: [ { name: a\n  hubinfra:region: x\n")]
    [InlineData("config:\n  hubinfra:hubs: { name: a\n  hubinfra:region: x\n")]
    [InlineData("config:\n  hubinfra:region: a\n   hubinfra:project: b\n")]
    [InlineData("config:\n  hubinfra:region: \"a\n")]
    [InlineData("config:\n  hubinfra:region: a: b\n")]
    [InlineData("config:\n  hubinfra:x: @a\n")]
    [InlineData("config:\n  hubinfra:x: *nothing\n")]
    [InlineData("config:\n  hubinfra:x: %a\n")]
    [InlineData("config:\n  hubinfra:x: !<tag> [a\n")]
    [InlineData("config: [a, b\n")]
    [InlineData("]")]
    [InlineData("{a: 1, a: 2}")]
    [InlineData("config:\n  ? [a]\n  : b\n")]
    [InlineData("config:\n  <<: 3\n")]
    public void A_syntax_error_of_any_kind_is_one_problem_with_file_line_and_column(string yaml)
    {
        var e = Fails(yaml);
        Assert.Matches(@"^stacks/Pulumi\.s\.yaml:\d+:\d+: not valid YAML: .+; .+", e.Message);
    }

    [Fact]
    public void Tabs_used_for_indentation_say_so()
    {
        var e = Fails("config:\n\thubinfra:project: x\n");
        Assert.Equal("stacks/Pulumi.s.yaml:2:1: not valid YAML: a tab indents this line; indent with spaces (YAML does not allow tabs for indentation)", e.Message);
    }

    [Fact]
    public void An_alias_bomb_fails_fast_with_a_clear_message()
    {
        var yaml = "config:\n  a0: &a0 [x,x,x,x,x,x,x,x,x,x]\n" + string.Concat(Enumerable.Range(1, 9).Select(i =>
            $"  a{i}: &a{i} [{string.Join(",", Enumerable.Repeat($"*a{i - 1}", 10))}]\n"));
        var e = Fails(yaml);
        Assert.Contains("alias bomb", e.Message);
    }

    [Fact]
    public void An_alias_of_the_mapping_it_is_in_is_refused()
    {
        Assert.Contains("refers to the mapping or list it is in", Fails("config:\n  hubinfra:x: &a [1, *a]\n").Message);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Nesting_100000_levels_deep_does_not_overflow_the_stack(bool flow)
    {
        var yaml = flow
            ? "config:\n  hubinfra:x: " + new string('[', 100_000) + new string(']', 100_000) + "\n"
            : "config:\n  hubinfra:x:\n    " + string.Concat(Enumerable.Range(0, 100_000).Select(_ => "- ")) + "a\n";
        var e = Fails(yaml);
        Assert.Contains($"more than {StackYaml.MaxDepth} levels", e.Message);
    }

    [Fact]
    public void Bytes_that_are_not_utf8_name_the_byte_offset()
    {
        var path = Path.Combine(Path.GetTempPath(), $"Pulumi.latin1-{Guid.NewGuid():N}.yaml");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes("config:\n  hubinfra:project: caf"), 0xE9, (byte)'\n']);
        try
        {
            var e = Assert.Throws<StackFileException>(() => StackFile.Load(path));
            Assert.Equal($"{path}:2:24: not UTF-8: byte 0xE9 at byte offset 31 is not valid UTF-8 (Pulumi refuses such files); save the file as UTF-8", e.Message);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void A_bom_and_crlf_line_ends_are_fine()
    {
        var text = "config:\r\n  hubinfra:project: café\r\n  hubinfra:region: us-central1\r\n";
        var raw = StackFile.Parse("s", StackFile.Decode([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(text)], "f"));
        Assert.Equal("café", raw["project"]!.GetValue<string>());
        Assert.Equal("us-central1", raw["region"]!.GetValue<string>());
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_before_it_is_parsed()
    {
        var e = Assert.Throws<StackFileException>(() => StackFile.Decode(new byte[StackFile.MaxBytes + 1], "big.yaml"));
        Assert.StartsWith("big.yaml: is 8,388,609 bytes; stack files are limited to", e.Message);
    }

    [Fact]
    public void Merge_keys_are_applied_as_Pulumi_applies_them_and_written_keys_win()
    {
        var raw = StackFile.Parse("s", """
            defaults: &hub { domain: a.example.org, image: { name: quay.io/jupyter/base-notebook, tag: "2025-03-14" } }
            config:
              hubinfra:hubs:
                - <<: *hub
                  name: main
                  domain: b.example.org
                - <<: [*hub, { name: second }]
            """);
        Assert.Equal("b.example.org", raw["hubs"]![0]!["domain"]!.GetValue<string>());
        Assert.Equal("main", raw["hubs"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("quay.io/jupyter/base-notebook", raw["hubs"]![0]!["image"]!["name"]!.GetValue<string>());
        Assert.Equal("second", raw["hubs"]![1]!["name"]!.GetValue<string>());
        Assert.False(raw["hubs"]![0]!.AsObject().ContainsKey("<<"));
    }

    [Fact]
    public void A_key_written_twice_is_an_error_at_the_second()
    {
        var e = Fails("config:\n  hubinfra:region: a\n  hubinfra:region: b\n");
        Assert.StartsWith("stacks/Pulumi.s.yaml:3:3: not valid YAML: key 'hubinfra:region' appears twice in one mapping (first on line 2); keep one of them", e.Message);
    }

    [Fact]
    public void Numbers_keep_the_digits_as_written()
    {
        var raw = StackFile.Parse("s", "config:\n  hubinfra:x: 3.10\n  hubinfra:y: 1e999\n");
        Assert.Equal("3.10", raw["x"]!.ToJsonString());
        Assert.Equal("1e999", raw["y"]!.GetValue<string>());
    }

    [Fact]
    public void A_file_of_more_than_a_million_values_is_refused()
    {
        var e = Fails("config:\n  hubinfra:x: [" + string.Join(",", Enumerable.Repeat("1", StackYaml.MaxValues + 1)) + "]\n");
        Assert.Contains("too large: the file holds more than 1,000,000 values", e.Message);
    }

    [Fact]
    public void Hundreds_of_thousands_of_wrong_items_give_a_bounded_list_of_problems()
    {
        var yaml = TestStacks.Community.Replace("allowedOrganizations: [my-org]", "allowedOrganizations: [" + string.Join(",", Enumerable.Repeat("1", 500_000)) + "]");
        var problems = TestStacks.Inline(yaml).Problems;
        Assert.Equal(Core.Config.ConfigLimits.ProblemsReported + 1, problems.Count);
        Assert.Equal("hubinfra:hubs[0].auth.github.allowedOrganizations[0]", problems[0].Key);
        Assert.StartsWith("and more problems: only the first 200 are shown", problems[^1].Message);
    }

    [Fact]
    public void A_value_longer_than_64_KiB_is_refused()
    {
        var e = Fails("config:\n  hubinfra:project: " + new string('a', StackYaml.MaxScalarChars + 1) + "\n");
        Assert.StartsWith("stacks/Pulumi.s.yaml:2:21: too large: a value of 65,537 characters", e.Message);
    }
}
