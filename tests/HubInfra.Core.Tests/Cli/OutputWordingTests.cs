using System.Text.RegularExpressions;
using HubInfra.Core.Model;
using HubInfra.Core.Config;

namespace HubInfra.Core.Tests.Cli;

/// <summary>What operators read: no internal words, counted nouns and articles as people write them.</summary>
public partial class OutputWordingTests
{
    [GeneratedRegex(@"\bissue\b|target \(|\(#\d+|\ban [bcdgjkpqtvwyz]\d|\b1 [a-z-]+s\b(?! (per|each))|\b1 free seats|seats stays\b", RegexOptions.IgnoreCase)]
    private static partial Regex Internal();

    public static TheoryData<string[]> Commands()
    {
        var data = new TheoryData<string[]>();
        foreach (var stack in new[] { "community-small", "community-gpu", "hackathon-2027", "summer-school-2027", "workshop-2027", "workshop-sessions-2027" })
        {
            data.Add(["plan", "--stack", stack, "--width", "100"]);
            data.Add(["plan", "--stack", stack, "--format", "json"]);
            if (!stack.StartsWith("community", StringComparison.Ordinal))
                data.Add(["simulate", "--stack", stack, "--width", "100", "--no-show", "0.3"]);
        }
        data.Add(["validate"]);
        return data;
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void No_output_names_an_issue_or_miscounts(string[] args)
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run([.. args, "--stacks", TestStacks.Directory]);
        Assert.True(exit == 0, err);
        foreach (var line in (output + err).Split('\n'))
            Assert.False(Internal().IsMatch(line), line);
    }

    [Theory]
    [InlineData("g2", "a g2")]
    [InlineData("n1", "an n1")]
    [InlineData("a2", "an a2")]
    [InlineData("c3", "a c3")]
    [InlineData("e2", "an e2")]
    [InlineData("node", "a node")]
    [InlineData("event", "an event")]
    [InlineData("GPU", "a GPU")]
    [InlineData("NVIDIA", "an NVIDIA")]
    public void Articles_follow_how_the_word_is_read(string word, string expected) => Assert.Equal(expected, Article.With(word));

    [Fact]
    public void A_bundled_gpu_on_the_wrong_family_is_not_named_with_a_wrong_article()
    {
        Assert.True(HubInfra.Core.Capacity.MachineTypeCatalog.TryGet("n2-standard-8", out var machine));
        var message = HubInfra.Core.Capacity.GpuCatalog.Incompatibility("nvidia-l4", machine, 1);
        Assert.Contains("g2", message);
        Assert.DoesNotContain("an g2", message);
    }

    [Fact]
    public void Validate_wraps_long_messages_to_the_width_and_keeps_one_line_per_problem_when_piped()
    {
        var (_, piped, _) = HubInfra.Cli.Program.Run("validate", "--stacks", TestStacks.Directory);
        var problems = piped.Split('\n').Where(l => l.Contains(": warning: ", StringComparison.Ordinal)).ToList();
        Assert.Contains(problems, l => l.Length > 100);
        var (_, wrapped, _) = HubInfra.Cli.Program.Run("validate", "--stacks", TestStacks.Directory, "--width", "80");
        var lines = wrapped.TrimEnd('\n').Split('\n');
        Assert.All(lines, l => Assert.True(l.Length <= 80, $"{l.Length}: {l}"));
        // The same words, only broken into lines (a path longer than the width is cut, not lost).
        static string Words(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
        Assert.Equal(Words(piped), Words(wrapped));
        Assert.True(lines.Length > piped.TrimEnd('\n').Split('\n').Length);
    }
}
