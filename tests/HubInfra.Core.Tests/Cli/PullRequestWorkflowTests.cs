using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace HubInfra.Core.Tests.Cli;

/// <summary>
/// The pull-request workflow's report of the affected stacks: its step's own bash script, run here with the built CLI
/// against the example stacks, as GitHub's runner runs it (bash -e, RUNNER_TEMP, the affected list as JSON).
/// </summary>
public sealed partial class PullRequestWorkflowTests : IDisposable
{
    private const string StepName = "Plan and simulation of each affected stack (100 columns)";

    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hubinfra-pr-" + Guid.NewGuid().ToString("N"));

    public PullRequestWorkflowTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static string NameOf(YamlMappingNode step) => step.Children.TryGetValue("name", out var n) ? n.ToString() : "";

    private static string Workflow([System.Runtime.CompilerServices.CallerFilePath] string here = "") =>
        Path.Combine(Path.GetDirectoryName(here)!, "..", "..", "..", ".github", "workflows", "pull-request.yml");

    private static YamlSequenceNode Steps()
    {
        var yaml = new YamlStream();
        using (var reader = new StreamReader(Workflow())) yaml.Load(reader);
        var jobs = (YamlMappingNode)((YamlMappingNode)yaml.Documents[0].RootNode)["jobs"];
        return (YamlSequenceNode)((YamlMappingNode)jobs["offline-diff"])["steps"];
    }

    private static YamlMappingNode Step(string name) =>
        Steps().Children.Cast<YamlMappingNode>().Single(s => NameOf(s) == name);

    [Fact]
    public async Task Each_affected_stack_gets_its_plan_and_each_event_its_simulation_and_plot()
    {
        var script = Step(StepName)["run"].ToString();
        var stacks = Path.Combine(_dir, "stacks");
        var runner = Path.Combine(_dir, "runner");
        Directory.CreateDirectory(stacks);
        Directory.CreateDirectory(runner);
        foreach (var f in Directory.GetFiles(TestStacks.Directory))
            File.Copy(f, Path.Combine(stacks, Path.GetFileName(f)));
        File.WriteAllText(Path.Combine(runner, "affected.json"),
            """[{"stack":"community-small","kind":"community"},{"stack":"hackathon-2027","kind":"event"},{"stack":"old-course","kind":"deleted"}]""");
        File.WriteAllText(Path.Combine(runner, "diff.md"), "diff\n");
        var summary = Path.Combine(runner, "summary.md");

        var info = new ProcessStartInfo("bash", ["-e", "-c", script]) { WorkingDirectory = _dir, RedirectStandardOutput = true, RedirectStandardError = true };
        info.Environment["RUNNER_TEMP"] = runner;
        info.Environment["GITHUB_STEP_SUMMARY"] = summary;
        info.Environment["AFFECTED"] = Path.Combine(runner, "affected.json");
        info.Environment["HUBINFRA"] = $"dotnet {Path.Combine(AppContext.BaseDirectory, "hubinfra.dll")}";
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, stdout + await stderr);

        var report = File.ReadAllText(summary);
        Assert.StartsWith("diff\n", report);
        Assert.Contains("<summary>plan: community-small</summary>", report);
        Assert.Contains("<summary>plan: hackathon-2027</summary>", report);
        Assert.Contains("<summary>simulate: hackathon-2027</summary>", report);
        Assert.DoesNotContain("simulate: community-small", report);
        Assert.DoesNotContain("old-course", report);
        Assert.Contains("wait p95", report);
        // 100 columns, but for the line naming the plot's file (a path on the runner).
        Assert.All(Fenced().Matches(report).SelectMany(m => m.Groups[1].Value.Split('\n')).Where(l => !l.StartsWith("plot: ", StringComparison.Ordinal)),
            l => Assert.True(l.Length <= 100, l));

        var plans = Path.Combine(runner, "plans");
        using var plan = JsonDocument.Parse(File.ReadAllText(Path.Combine(plans, "hackathon-2027.plan.json")));
        Assert.Equal(11, plan.RootElement.GetProperty("peakNodes").GetInt32());
        Assert.True(File.Exists(Path.Combine(plans, "community-small.plan.json")));
        Assert.Equal("\x89PNG", System.Text.Encoding.Latin1.GetString(File.ReadAllBytes(Path.Combine(plans, "hackathon-2027.simulate.png"))[..4]));
        Assert.False(File.Exists(Path.Combine(plans, "community-small.simulate.png")));
    }

    [Fact]
    public void The_plans_and_plots_are_attached_with_an_action_pinned_to_a_commit()
    {
        var steps = Steps().Children.Cast<YamlMappingNode>().ToList();
        var report = steps.FindIndex(s => NameOf(s) == StepName);
        var attach = steps.FindIndex(s => s.Children.TryGetValue("uses", out var u) && u.ToString().StartsWith("actions/upload-artifact@", StringComparison.Ordinal));
        Assert.True(report >= 0 && attach > report, "the plans are attached after they are made");
        Assert.Matches("^actions/upload-artifact@[0-9a-f]{40}$", steps[attach]["uses"].ToString());
        Assert.Equal("${{ runner.temp }}/plans", ((YamlMappingNode)steps[attach]["with"])["path"].ToString());
        Assert.Contains("affected.json", Step("Affected stacks")["run"].ToString());
    }

    [GeneratedRegex("```\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex Fenced();
}
