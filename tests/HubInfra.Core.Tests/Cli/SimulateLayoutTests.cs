using HubInfra.Cli;

namespace HubInfra.Core.Tests.Cli;

public class SimulateLayoutTests
{
    [Fact]
    public void The_simulation_table_fits_the_width_plan_uses()
    {
        var width = OutputWidth.Resolve(null, null, Environment.GetEnvironmentVariable("COLUMNS"));
        var (exit, output, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "summer-school-2027", "--stacks", TestStacks.Directory);
        Assert.True(exit == 0, err);
        Assert.Contains("wait p95", output);
        Assert.Contains("10 windows", output);
        Assert.All(output.TrimEnd('\n').Split('\n'), line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
    }

    [Theory]
    [InlineData(60)]
    [InlineData(100)]
    [InlineData(140)]
    public void Simulate_width_sets_the_line_width_like_plan(int width)
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory, "--width",
            width.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(exit == 0, err);
        var lines = output.TrimEnd('\n').Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= width, $"{line.Length} > {width}: {line}"));
        // Side by side when it fits (one row per measure), else one block per measure.
        Assert.Equal(width >= 100, lines.Any(l => l.TrimStart().StartsWith("wait p95", StringComparison.Ordinal) && l.Contains("<= 15 s")));
        if (width == 140) Assert.Contains(lines, l => l.Length > 100);
    }
}
