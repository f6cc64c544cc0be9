using HubInfra.Cli;

namespace HubInfra.Core.Tests.Cli;

public class CliTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hubinfra-tests-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        GC.SuppressFinalize(this);
    }

    private string CopyExamples()
    {
        var dir = Path.Combine(_temp, "stacks");
        Directory.CreateDirectory(dir);
        foreach (var f in Directory.GetFiles(TestStacks.Directory))
            File.Copy(f, Path.Combine(dir, Path.GetFileName(f)));
        return dir;
    }

    [Fact]
    public void Validate_prints_file_key_and_message_and_exits_1()
    {
        var dir = CopyExamples();
        File.WriteAllText(Path.Combine(dir, "Pulumi.broken.yaml"), TestStacks.Community.Replace("tag: \"2025-03-14\"", "tag: latest"));
        var (exit, output, _) = HubInfra.Cli.Program.Run("validate", "--stacks", dir);
        Assert.Equal(1, exit);
        Assert.Contains($"{Path.Combine(dir, "Pulumi.broken.yaml")}: hubinfra:hubs[0].image.tag: must not be 'latest'", output);
    }

    [Fact]
    public void Render_writes_plan_and_values_with_secrets_redacted()
    {
        var dir = CopyExamples();
        var outDir = Path.Combine(_temp, "out");
        var (exit, _, err) = HubInfra.Cli.Program.Run("render", "--stack", "community-small", "--stacks", dir, "--out", outDir);
        Assert.True(exit == 0, err);
        var plan = File.ReadAllText(Path.Combine(outDir, "plan.yaml"));
        Assert.Contains("name: open-science", plan);
        Assert.Contains("hub.jupyter.org/node-purpose: core", plan);
        var values = File.ReadAllText(Path.Combine(outDir, "hubs", "main", "values.yaml"));
        Assert.Contains("client_secret: '[secret]'", values);
        Assert.DoesNotContain("secure", values);
    }

    [Fact]
    public void Diff_is_quiet_and_0_for_equal_sides_and_1_with_the_change_shown()
    {
        var dir = CopyExamples();
        var baseDir = Path.Combine(_temp, "base");
        Directory.CreateDirectory(baseDir);
        foreach (var f in Directory.GetFiles(dir)) File.Copy(f, Path.Combine(baseDir, Path.GetFileName(f)));

        var (same, sameOut, _) = HubInfra.Cli.Program.Run("diff", "--base", baseDir, "--stacks", dir);
        Assert.Equal(0, same);
        Assert.Contains("no changes", sameOut);

        var file = Path.Combine(dir, "Pulumi.community-small.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("maxNodeCount: 20", "maxNodeCount: 30"));
        var (changed, output, _) = HubInfra.Cli.Program.Run("diff", "--base", baseDir, "--stacks", dir);
        Assert.Equal(1, changed);
        Assert.Contains("~~~ community-small/plan.yaml", output);
        Assert.Contains(output.Split('\n'), line => line.StartsWith("+ ", StringComparison.Ordinal) && line.Trim().EndsWith("totalMaxNodeCount: 30", StringComparison.Ordinal));
        Assert.Contains("~~~ hackathon-2027/plan.yaml", output);
        Assert.DoesNotContain("v1:", output);
    }

    [Fact]
    public void Plan_json_reports_machine_type_allocatable_and_seats_per_node()
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("plan", "--stack", "community-small", "--stacks", TestStacks.Directory, "--format", "json");
        Assert.True(exit == 0, err);
        using var doc = System.Text.Json.JsonDocument.Parse(output);
        var pool = doc.RootElement.GetProperty("nodePools")[1];
        Assert.Equal("n2-highmem-4", pool.GetProperty("machineType").GetString());
        // 32 × 0.97 − 0.0625 − 3.56 − 0.098 − 1.424 (Image streaming) = 25.896 GiB
        Assert.InRange(pool.GetProperty("allocatableMemoryGiB").GetDouble(), 25.85, 25.95);
    }

    [Fact]
    public void Diff_against_a_git_ref_renders_the_stack_files_of_that_commit()
    {
        var repo = Path.Combine(_temp, "repo");
        var stacks = Path.Combine(repo, "stacks");
        Directory.CreateDirectory(stacks);
        foreach (var f in Directory.GetFiles(TestStacks.Directory))
            File.Copy(f, Path.Combine(stacks, Path.GetFileName(f)));
        Git.Run(repo, "init", "-q");
        Git.Run(repo, "add", ".");
        Git.Run(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base");
        var file = Path.Combine(stacks, "Pulumi.community-gpu.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("tag: cuda12-2025-03-14", "tag: cuda12-2025-06-01"));

        var (exit, output, err) = HubInfra.Cli.Program.Run("diff", "--base", "HEAD", "--stacks", stacks);
        Assert.True(exit == 1, err);
        Assert.Contains("~~~ community-gpu/hubs/courses/values.yaml", output);
        Assert.Contains("+     tag: cuda12-2025-06-01", output);

        var (affectedExit, affected, _) = HubInfra.Cli.Program.Run("affected", "--base", "HEAD", "--stacks", stacks);
        Assert.Equal(0, affectedExit);
        Assert.Equal(["community-gpu", "summer-school-2027"], affected.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }
}
