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
}
