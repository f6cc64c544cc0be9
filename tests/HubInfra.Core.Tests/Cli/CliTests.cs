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
        Assert.Contains("--- a/community-small/plan.yaml\n+++ b/community-small/plan.yaml\n", output);
        Assert.Contains(output.Split('\n'), line => line.StartsWith("+ ", StringComparison.Ordinal) && line.Trim().EndsWith("totalMaxNodeCount: 30", StringComparison.Ordinal));
        Assert.Contains("--- a/hackathon-2027/plan.yaml", output);
        // The plan, and the contract its events read (its config changed).
        Assert.Contains("community-small: 2 files changed\n", output);
        Assert.Contains("--- a/community-small/contract.json", output);
        Assert.Contains("hackathon-2027: 1 file changed\n", output);
        Assert.Contains("community-gpu: no changes\n", output);
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

    /// <summary>A git repository in the temp folder whose first commit holds the example stacks; returns its stacks folder.</summary>
    private string CommittedStacks()
    {
        var repo = Path.Combine(_temp, "repo");
        var stacks = Path.Combine(repo, "stacks");
        Directory.CreateDirectory(stacks);
        foreach (var f in Directory.GetFiles(TestStacks.Directory))
            File.Copy(f, Path.Combine(stacks, Path.GetFileName(f)));
        Git.Run(repo, "init", "-q");
        Git.Run(repo, "add", ".");
        Git.Run(repo, "-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "base");
        return stacks;
    }

    [Fact]
    public void Diff_against_a_git_ref_renders_the_stack_files_of_that_commit()
    {
        var stacks = CommittedStacks();
        var file = Path.Combine(stacks, "Pulumi.community-gpu.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("tag: cuda12-2025-03-14", "tag: cuda12-2025-06-01"));

        var (exit, output, err) = HubInfra.Cli.Program.Run("diff", "--base", "HEAD", "--stacks", stacks);
        Assert.True(exit == 1, err);
        Assert.Contains("+++ b/community-gpu/hubs/courses/values.yaml", output);
        Assert.Contains("\n+    tag: cuda12-2025-06-01\n", output);

        var (affectedExit, affected, _) = HubInfra.Cli.Program.Run("affected", "--base", "HEAD", "--stacks", stacks);
        Assert.Equal(0, affectedExit);
        Assert.Equal(["community-gpu", "gpu-lab-2027", "summer-school-2027"], affected.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Diff_shows_each_hunk_with_a_header_and_three_lines_of_context()
    {
        var before = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["s/plan.yaml"] = string.Join('\n', Enumerable.Range(1, 20).Select(i => $"line{i}")) + "\n",
        };
        var after = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["s/plan.yaml"] = before["s/plan.yaml"].Replace("line10\n", "line10 changed\n"),
        };
        var output = new StringWriter();
        Assert.Equal(1, DiffCommand.Print(before, after, output));
        var lines = output.ToString().Split('\n');
        var hunk = Array.FindIndex(lines, l => l.StartsWith("@@ ", StringComparison.Ordinal));
        Assert.Equal("@@ -7,7 +7,7 @@", lines[hunk]);
        Assert.Equal([" line7", " line8", " line9", "-line10", "+line10 changed", " line11", " line12", " line13"], lines[(hunk + 1)..(hunk + 9)]);
        Assert.DoesNotContain(" line6", lines);
        Assert.Equal("s: 1 file changed", lines[0]);
    }

    [Fact]
    public void Diff_output_is_a_patch_git_apply_turns_the_base_rendering_into_the_head_one()
    {
        var head = CopyExamples();
        var file = Path.Combine(head, "Pulumi.community-small.yaml");
        File.WriteAllText(file, File.ReadAllText(file).Replace("maxNodeCount: 20", "maxNodeCount: 30"));
        File.Delete(Path.Combine(head, "Pulumi.workshop-2027.yaml"));
        var baseRender = Path.Combine(_temp, "base-render");
        var headRender = Path.Combine(_temp, "head-render");
        Assert.Equal(0, HubInfra.Cli.Program.Run("render", "--all", "--stacks", TestStacks.Directory, "--out", baseRender).Exit);
        Assert.Equal(0, HubInfra.Cli.Program.Run("render", "--all", "--stacks", head, "--out", headRender).Exit);

        var (exit, output, _) = HubInfra.Cli.Program.Run("diff", "--base", baseRender, "--stacks", head);
        Assert.Equal(1, exit);
        Assert.Contains("workshop-2027: 4 files changed (stack removed)\n", output);
        Assert.Contains("--- a/workshop-2027/plan.yaml\n+++ /dev/null\n@@ -1,", output);
        var patch = Path.Combine(_temp, "changes.diff");
        File.WriteAllText(patch, output);
        Git.Run(baseRender, "apply", "-p1", patch);
        foreach (var f in Directory.GetFiles(headRender, "*", SearchOption.AllDirectories))
            Assert.Equal(File.ReadAllText(f), File.ReadAllText(Path.Combine(baseRender, Path.GetRelativePath(headRender, f))));
        Assert.False(Directory.Exists(Path.Combine(baseRender, "workshop-2027", "event")));
    }

    [Fact]
    public void Diff_exits_2_and_says_why_when_the_base_is_neither_a_folder_nor_a_ref()
    {
        var dir = CopyExamples();
        var (exit, _, err) = HubInfra.Cli.Program.Run("diff", "--base", Path.Combine(_temp, "no-such-folder"), "--stacks", dir);
        Assert.Equal(2, exit);
        Assert.StartsWith("diff: ", err, StringComparison.Ordinal);
        var (_, help, _) = HubInfra.Cli.Program.Run("diff", "--help");
        Assert.Contains("0 no differences, 1 differences, 2 error", help);
    }

    [Fact]
    public void Affected_reports_a_deleted_stack_with_its_destroy_command_in_text_and_json()
    {
        var stacks = CommittedStacks();
        File.Delete(Path.Combine(stacks, "Pulumi.hackathon-2027.yaml"));
        File.Delete(Path.Combine(stacks, "Pulumi.local.yaml"));

        var (exit, text, err) = HubInfra.Cli.Program.Run("affected", "--base", "HEAD", "--stacks", stacks);
        Assert.True(exit == 0, err);
        Assert.Equal(["hackathon-2027 deleted: pulumi destroy --stack hackathon-2027 && pulumi stack rm hackathon-2027",
            "local deleted: pulumi destroy --stack local && pulumi stack rm local"], text.Split('\n', StringSplitOptions.RemoveEmptyEntries));

        var (_, json, _) = HubInfra.Cli.Program.Run("affected", "--base", "HEAD", "--stacks", stacks, "--json", "--deployable");
        using var doc = System.Text.Json.JsonDocument.Parse(json);
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("hackathon-2027", only.GetProperty("stack").GetString());
        Assert.Equal("deleted", only.GetProperty("kind").GetString());
        Assert.StartsWith("pulumi destroy --stack hackathon-2027", only.GetProperty("command").GetString(), StringComparison.Ordinal);
    }
}
