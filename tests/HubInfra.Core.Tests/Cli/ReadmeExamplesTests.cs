using System.Text.RegularExpressions;

namespace HubInfra.Core.Tests.Cli;

/// <summary>README's example stack files, copied as a newcomer would, validate and plan the first time.</summary>
public partial class ReadmeExamplesTests : IDisposable
{
    private readonly string _temp = Path.Combine(Path.GetTempPath(), "hubinfra-readme-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_temp)) Directory.Delete(_temp, true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The YAML blocks of README's "Your first stacks", keyed by the file each names in its first line.</summary>
    private static Dictionary<string, string> Examples()
    {
        var readme = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "README.md"));
        var section = readme[readme.IndexOf("## Your first stacks", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        return YamlBlock().Matches(section).ToDictionary(m => m.Groups["file"].Value, m => m.Groups["yaml"].Value);
    }

    [GeneratedRegex(@"```yaml\n(?<yaml># stacks/(?<file>Pulumi\.[a-z0-9-]+\.yaml)[^\n]*\n.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    [Fact]
    public void The_community_and_event_examples_validate_and_plan_the_first_time()
    {
        var examples = Examples();
        Assert.Equal(2, examples.Count);
        Directory.CreateDirectory(_temp);
        foreach (var (file, yaml) in examples)
            File.WriteAllText(Path.Combine(_temp, file), yaml);

        var (exit, output, _) = HubInfra.Cli.Program.Run("validate", "--stacks", _temp);
        Assert.True(exit == 0, output);
        Assert.Contains("2 stacks checked: 0 errors", output);
        // The only warning the examples may ever get is the calendar's: once the event is over.
        Assert.All(output.Split('\n').Where(l => l.Contains(": warning: ", StringComparison.Ordinal)),
            l => Assert.Contains("every window of this event is past", l));

        var @event = examples.Keys.Single(f => examples[f].Contains("hubinfra:kind: event")).Replace("Pulumi.", "").Replace(".yaml", "");
        var (planExit, plan, err) = HubInfra.Cli.Program.Run("plan", "--stack", @event, "--stacks", _temp, "--width", "100");
        Assert.True(planExit == 0, err);
        Assert.Contains("total", plan);
        Assert.DoesNotContain("error", plan);
    }
}
