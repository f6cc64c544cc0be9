using System.Buffers.Binary;

namespace HubInfra.Core.Tests.Cli;

/// <summary><c>simulate --plot FILE</c> draws the simulated windows, PNG or SVG by the extension (ScottPlot, SkiaSharp).</summary>
public sealed class SimulationPlotTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "hubinfra-plot-" + Guid.NewGuid().ToString("N"));

    public SimulationPlotTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void A_png_has_one_panel_per_window_at_the_plots_width()
    {
        var file = Path.Combine(_dir, "hackathon.png");
        var (exit, output, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory,
            "--no-show", "0.3", "--plot", file);
        Assert.True(exit == 0, err);
        Assert.Contains("wait p95", output); // the table is printed as without --plot
        Assert.Contains($"plot: {file} (1 window)", err);
        var bytes = File.ReadAllBytes(file);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], bytes[..4]);
        Assert.Equal(HubInfra.Cli.SimulationPlot.Width, BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(16, 4)));
        var height = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(20, 4));
        Assert.InRange(height, HubInfra.Cli.SimulationPlot.PanelHeight, 2 * HubInfra.Cli.SimulationPlot.PanelHeight);
    }

    [Fact]
    public void An_svg_is_titled_with_the_event_and_its_settings_and_labels_its_lines()
    {
        var file = Path.Combine(_dir, "sessions.svg");
        var (exit, _, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "summer-school-2027", "--stacks", TestStacks.Directory,
            "--no-show", "0.3", "--plot", file);
        Assert.True(exit == 0, err);
        Assert.Contains("(10 windows)", err);
        var svg = File.ReadAllText(file);
        Assert.StartsWith("<?xml", svg);
        Assert.Contains("<svg", svg);
        foreach (var text in new[] { "summer-school-2027: 340 seats at the peak", "no-shows 30%", "daily[0], 2027-07-16 09:00 Europe/Berlin",
                     "attendees present", "warm seats, this plan", "nodes, no pre-warm", "lower bound (nodes)" })
            Assert.Contains(text, svg);
    }

    [Theory]
    [InlineData("plot.txt")]
    [InlineData("plot")]
    public void Another_extension_is_refused_before_simulating(string name)
    {
        var (exit, output, err) = HubInfra.Cli.Program.Run("simulate", "--stack", "hackathon-2027", "--stacks", TestStacks.Directory,
            "--plot", Path.Combine(_dir, name));
        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("must end in .png or .svg", err);
    }
}
