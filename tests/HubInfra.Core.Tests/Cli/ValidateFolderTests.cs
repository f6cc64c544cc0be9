namespace HubInfra.Core.Tests.Cli;

/// <summary><c>validate --stacks DIR</c> reports every file, a broken one included, naming each by the path the user gave.</summary>
public class ValidateFolderTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hubinfra-validate-" + Guid.NewGuid().ToString("N"));

    public ValidateFolderTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        Directory.Delete(_dir, true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public void One_unreadable_file_does_not_stop_the_others_and_its_yaml_error_names_the_file_once()
    {
        File.WriteAllText(Path.Combine(_dir, "Pulumi.a-broken.yaml"), "config:\n  hubinfra:hubs: [ { name: a\n  hubinfra:region: x\n");
        File.WriteAllBytes(Path.Combine(_dir, "Pulumi.b-latin1.yaml"), [.. "config:\n  hubinfra:project: caf"u8.ToArray(), 0xE9]);
        File.WriteAllText(Path.Combine(_dir, "Pulumi.c-latest.yaml"), TestStacks.Community.Replace("tag: \"2025-03-14\"", "tag: latest"));
        File.WriteAllText(Path.Combine(_dir, "Pulumi.d-good.yaml"), TestStacks.Community);

        var (exit, output, _) = HubInfra.Cli.Program.Run("validate", "--stacks", _dir);

        Assert.Equal(1, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var broken = Assert.Single(lines, l => l.Contains("Pulumi.a-broken.yaml"));
        Assert.Matches($@"^{System.Text.RegularExpressions.Regex.Escape(Path.Combine(_dir, "Pulumi.a-broken.yaml"))}:\d+:\d+: not valid YAML: ", broken);
        Assert.Single(lines, l => l.StartsWith($"{Path.Combine(_dir, "Pulumi.b-latin1.yaml")}:2:24: not UTF-8", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith($"{Path.Combine(_dir, "Pulumi.c-latest.yaml")}: hubinfra:hubs[0].image.tag:", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("Pulumi.d-good.yaml"));
        Assert.Contains("4 stacks checked", output);
    }

    [Fact]
    public void Render_refuses_a_broken_file_and_writes_nothing()
    {
        File.WriteAllText(Path.Combine(_dir, "Pulumi.x.yaml"), "config:\n  hubinfra:region: a\n  hubinfra:region: b\n");
        var outDir = Path.Combine(_dir, "out");
        var (exit, _, err) = HubInfra.Cli.Program.Run("render", "--stack", "x", "--stacks", _dir, "--out", outDir);
        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine(_dir, "Pulumi.x.yaml")}:3:3: not valid YAML: key 'hubinfra:region' appears twice", err);
        Assert.False(Directory.Exists(outDir));
    }
}
