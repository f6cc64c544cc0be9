using System.Globalization;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Simulation;
using ScottPlot;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary>
/// <c>simulate --plot FILE</c>: each simulated window as one panel, minute by minute from warm-up — attendees present,
/// warm seats (left axis) and nodes with the lower bound (right axis), with the plan's policy (solid) and with no
/// pre-warm (dashed) — titled with the event and its settings. Drawn with ScottPlot 5 (SkiaSharp): <c>.png</c> or
/// <c>.svg</c> by the file's extension.
/// </summary>
public static class SimulationPlot
{
    /// <summary>Windows drawn at most (one panel each); an event with more is drawn from its first ones, and says so.</summary>
    public const int MaxPanels = 24;

    public const int Width = 1000;

    public const int PanelHeight = 340;

    /// <summary>Room for the title's extra lines and the legend under the first panel.</summary>
    private const int HeaderHeight = 110;

    /// <summary>Characters per title line at the title's size across <see cref="Width"/> pixels.</summary>
    private const int TitleColumns = 100;

    /// <summary>Minutes shown after each window's end: cool-down and the nodes going.</summary>
    private const double TailMinutes = 30;

    /// <summary>Why <paramref name="path"/> cannot be a plot (its extension), or null.</summary>
    public static string? Refusal(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".png" or ".svg"
            ? null
            : $"--plot: '{path}' must end in .png or .svg (the image format is taken from the extension)";

    /// <summary>The first line of the title: the event and the settings the figures depend on.</summary>
    public static string Title(EventPlan plan, EventSimulation sim)
    {
        var p = sim.Policy;
        var inv = CultureInfo.InvariantCulture;
        return $"{plan.Event.StackName}: {Plural.Of(plan.PeakSeats, "seat")} at the peak, {plan.Pool.SeatsPerNode} per {plan.Pool.MachineType}; " +
               $"{(p.Backend == Core.Scaling.CapacityBackend.Placeholders ? "placeholders" : "CapacityBuffer")}, pre-warm {(int)plan.PreWarm.TotalMinutes} min, " +
               $"release once arrivals stall (at most {sim.ArrivalMinutes} min) to a headroom of {Plural.Of(sim.Spec.HeadroomSeats, "seat")}; " +
               $"no-shows {(p.NoShowFraction * 100).ToString("0.#", inv)}%, " +
               (p.Preloaded ? "images preloaded" : $"image pull {p.PullMinutes.ToString("0.#", inv)} min") + $", seed {p.Seed}";
    }

    /// <summary>Draws the plot into <paramref name="path"/>; returns how many windows it shows.</summary>
    public static int Save(EventPlan plan, EventSimulation sim, string path)
    {
        var count = Math.Min(MaxPanels, Math.Min(sim.PlanWindows.Count, sim.NoPrewarmWindows.Count));
        // A new Multiplot holds one plot already: the first window's.
        var multiplot = new Multiplot { Layout = new ScottPlot.MultiplotLayouts.Rows() };
        for (var i = 0; i < count; i++)
        {
            var plot = i == 0 ? multiplot.GetPlot(0) : multiplot.AddPlot();
            plot.Font.Set("DejaVu Sans"); // Debian fonts-dejavu-core (.ci/run installs it); ScottPlot falls back to another font without it
            Panel(plot, plan.Windows[i], sim.PlanWindows[i], sim.NoPrewarmWindows[i], plan.Event.Zone, legend: i == 0);
            if (i == 0)
            {
                var more = sim.PlanWindows.Count > count ? $" (the first {count} of {sim.PlanWindows.Count} windows)" : "";
                plot.Axes.Title.Label.Text = string.Join("\n", Wrap.Words(Title(plan, sim) + more, TitleColumns, "").Select(l => l.Trim())) +
                                             "\n" + plot.Axes.Title.Label.Text;
            }
        }
        var height = PanelHeight * count + HeaderHeight;
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            using var stream = File.Create(path);
            using (var canvas = SkiaSharp.SKSvgCanvas.Create(new SkiaSharp.SKRect(0, 0, Width, height), stream))
                multiplot.Render(canvas, new PixelRect(new PixelSize(Width, height)));
        }
        else
        {
            multiplot.SavePng(path, Width, height);
        }
        return count;
    }

    private static void Panel(Plot plot, EventWindowPlan window, WindowOutcome plan, WindowOutcome none, NodaTime.DateTimeZone zone, bool legend)
    {
        var endMinute = (window.End.ToInstant() - window.Start.ToInstant()).TotalMinutes;
        var last = Math.Max(endMinute, (window.CoolAt - window.Start.ToInstant()).TotalMinutes) + TailMinutes;
        var local = window.Start.LocalDateTime.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
        plot.Title($"{window.Source.Split(' ')[0]}, {local} {zone.Id}: {Plural.Of(window.Seats, "seat")} planned on {Plural.Of(window.Nodes, "node")}", size: 13);
        plot.XLabel("minutes from the window's start", size: 12);
        plot.YLabel("people, seats", size: 12);
        plot.Axes.Right.Label.Text = "nodes";
        plot.Axes.Right.Label.FontSize = 12;

        Line(plot, plan, last, p => p.Attendees, Colors.Black, LinePattern.Solid, "attendees present", right: false);
        Line(plot, plan, last, p => p.WarmSeats, Colors.RoyalBlue, LinePattern.Solid, "warm seats, this plan", right: false);
        Line(plot, none, last, p => p.WarmSeats, Colors.RoyalBlue, LinePattern.Dashed, "warm seats, no pre-warm", right: false);
        Line(plot, plan, last, p => p.Nodes, Colors.DarkOrange, LinePattern.Solid, "nodes, this plan", right: true);
        Line(plot, none, last, p => p.Nodes, Colors.DarkOrange, LinePattern.Dashed, "nodes, no pre-warm", right: true);
        var bound = plot.Add.Line(0, plan.LowerBoundNodes, endMinute, plan.LowerBoundNodes);
        bound.Color = Colors.Crimson;
        bound.LinePattern = LinePattern.Dotted;
        bound.LineWidth = 2;
        bound.LegendText = "lower bound (nodes)";
        bound.Axes.YAxis = plot.Axes.Right;
        plot.Add.VerticalLine(0, 1, Colors.Gray, LinePattern.Dotted);

        var first = Math.Min(plan.Timeline.Count > 0 ? plan.Timeline[0].Minute : 0, 0);
        plot.Axes.SetLimitsX(first, last);
        var peopleMax = Math.Max(1, plan.Timeline.Concat(none.Timeline).Where(p => p.Minute <= last).Select(p => Math.Max(p.Attendees, p.WarmSeats)).DefaultIfEmpty(1).Max());
        var nodesMax = Math.Max(Math.Max(1, plan.LowerBoundNodes), plan.Timeline.Concat(none.Timeline).Select(p => p.Nodes).DefaultIfEmpty(1).Max());
        plot.Axes.SetLimitsY(0, peopleMax * 1.1, plot.Axes.Left);
        plot.Axes.SetLimitsY(0, nodesMax * 1.1, plot.Axes.Right);
        if (legend)
        {
            plot.Legend.FontSize = 11;
            plot.ShowLegend(Edge.Bottom);
        }
        else
        {
            plot.HideLegend(); // a new panel copies the style of the one before it, its legend included
        }
    }

    private static void Line(Plot plot, WindowOutcome outcome, double last, Func<TimelinePoint, int> value, Color color, LinePattern pattern, string label, bool right)
    {
        var points = outcome.Timeline.Where(p => p.Minute <= last).ToList();
        if (points.Count == 0) return;
        var line = plot.Add.ScatterLine(points.Select(p => p.Minute).ToArray(), points.Select(p => (double)value(p)).ToArray(), color);
        line.LinePattern = pattern;
        line.LineWidth = 2;
        line.MarkerSize = 0;
        line.LegendText = label;
        if (right) line.Axes.YAxis = plot.Axes.Right;
    }
}
