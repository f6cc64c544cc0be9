using HubInfra.Core.Model;
using System.CommandLine;
using System.Globalization;
using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using HubInfra.Core.Simulation;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary>
/// <c>simulate --stack EVENT [--no-show F] [--pull-minutes P] [--seed N] [--format table|json] [--width N] [--plot FILE]</c>:
/// what the plan buys, before the event — every window simulated with no pre-warm and with the plan, side by side.
/// </summary>
public static class SimulateCommand
{
    /// <summary>Planned nodes summed over the windows that one run models (about 0.1 ms of work each per node and window).</summary>
    public const long MaxNodeWindows = 50_000;

    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var stack = CommonOptions.Stack();
        var noShow = new Option<double?>("--no-show") { Description = "share of planned seats whose people never come (0 to 1; default: the event's noShowFraction)" };
        var pull = new Option<double?>("--pull-minutes") { Description = $"minutes to pull the user image on a fresh node (default {ClusterTimings.DefaultPullMinutes}; 0 when the pool has a secondary boot disk)" };
        var backend = new Option<string?>("--backend") { Description = "placeholders or capacityBuffer (default: the community's capacity.backend)" };
        backend.AcceptOnlyFromAmong("placeholders", "capacityBuffer");
        var seed = new Option<int>("--seed") { Description = "random seed (same seed, same figures)", DefaultValueFactory = _ => SimulationPolicy.DefaultSeed };
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var width = new Option<int?>("--width")
        {
            Description = $"Line width of the table (default: the terminal's width; when output is redirected, $COLUMNS, else {OutputWidth.Default})",
        };
        var plot = new Option<string?>("--plot")
        {
            Description = "Also draw each window (attendees, warm seats, nodes, lower bound; this plan and no pre-warm) into FILE (.png or .svg)",
        };
        var command = new Command("simulate", "Simulate an event's windows with no pre-warm and with the plan: waits, peak nodes, node-hours, cost.")
            { stacks, stack, noShow, pull, seed, format, backend, width, plot };
        command.SetAction(result => Run(result.GetValue(stacks)!, result.GetValue(stack)!, result.GetValue(noShow), result.GetValue(pull),
            result.GetValue(seed), result.GetValue(format)!, stdout, stderr, result.GetValue(backend) is { } b ? CapacityBackends.Parse(b) : null,
            OutputWidth.For(stdout, result.GetValue(width)), result.GetValue(plot)));
        return command;
    }

    public static int Run(string directory, string stack, double? noShow, double? pullMinutes, int seed, string format, TextWriter stdout, TextWriter stderr,
        CapacityBackend? backend = null, int width = OutputWidth.Default, string? plotFile = null)
    {
        if (plotFile is not null && SimulationPlot.Refusal(plotFile) is { } badPlot)
        {
            stderr.WriteLine(badPlot);
            return 1;
        }
        if (noShow is { } ns && !(ns is >= 0 and < 1))
        {
            stderr.WriteLine($"--no-show: {ns.ToString(CultureInfo.InvariantCulture)} must be a share from 0 up to (not including) 1, e.g. 0.3");
            return 1;
        }
        if (pullMinutes is { } p && !(p is >= 0 and <= 240))
        {
            stderr.WriteLine($"--pull-minutes: {p.ToString(CultureInfo.InvariantCulture)} must be between 0 and 240");
            return 1;
        }
        var set = new StackSet(directory);
        var loaded = set.Load(stack);
        if (loaded.HasErrors)
        {
            foreach (var problem in loaded.Errors) stderr.WriteLine(problem.Format(set.PathOf(stack)));
            return 1;
        }
        if (loaded.Plan is not { } plan)
        {
            stderr.WriteLine($"{set.PathOf(stack)}: simulate needs an event stack (hubinfra:kind: event) whose community stack is in {directory}");
            return 1;
        }
        if (plan.Windows.Count == 0 || plan.Pool.SeatsPerNode < 1)
        {
            stderr.WriteLine($"{stack}: nothing to simulate (no windows, or no seat fits a node)");
            return 1;
        }

        if (Refusal(plan) is { } refusal)
        {
            stderr.WriteLine($"{stack}: {refusal}");
            return 1;
        }
        var sim = EventSimulation.Run(plan, SimulationPolicy.From(plan, noShow, pullMinutes, seed, backend));
        if (plotFile is not null)
        {
            try
            {
                var shown = SimulationPlot.Save(plan, sim, plotFile);
                stderr.WriteLine($"plot: {plotFile} ({Plural.Of(shown, "window")}{(shown < sim.Windows ? $" of {sim.Windows}" : "")})");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"--plot: cannot write {plotFile}: {e.Message}; choose a path in a folder you can write to");
                return 1;
            }
        }
        if (format == "json")
        {
            stdout.WriteLine(PlanDocument.Json(SimulationDocument.From(sim)));
            return 0;
        }
        Table(stdout, sim, width);
        return 0;
    }

    /// <summary>Why a plan is too large to simulate in one run (so the tool never appears to hang), or null.</summary>
    public static string? Refusal(EventPlan plan)
    {
        var nodeWindows = plan.Windows.Sum(w => (long)w.Nodes);
        return nodeWindows > MaxNodeWindows
            ? $"{nodeWindows} planned nodes summed over {plan.Windows.Count} windows is more than simulate models in one run ({MaxNodeWindows}); " +
              "simulate a copy of the stack with fewer windows (the windows are independent)"
            : null;
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static string M(double v) => PlanDocument.Money(v).ToString("0.00", CultureInfo.InvariantCulture);

    private static string Wait(double seconds) =>
        seconds < 120 ? $"{seconds.ToString("0", CultureInfo.InvariantCulture)} s" : $"{(seconds / 60).ToString("0.0", CultureInfo.InvariantCulture)} min";

    /// <summary>The comparison as text that fits <paramref name="width"/> (<see cref="OutputWidth"/>, like <c>plan</c>).</summary>
    private static void Table(TextWriter stdout, EventSimulation sim, int width)
    {
        void Say(string text)
        {
            foreach (var line in Wrap.Words(text, width, "")) stdout.WriteLine(line);
        }
        var p = sim.Policy;
        Say($"Simulated {sim.Stack}: {Plural.Of(sim.Windows, "window")}, {Plural.Of(sim.Plan.People, "person-window")} (each person counted in every window they come to), no-shows {N(p.NoShowFraction * 100)}%, " +
            (p.Preloaded ? "images preloaded (secondary boot disk)" : $"image pull {N(p.PullMinutes)} min on a fresh node") + $", seed {p.Seed}");
        var spec = sim.Spec;
        Say($"Policy: {(p.Backend == CapacityBackend.Placeholders ? $"placeholder pods, {Plural.Of(spec.ArrivalSlots, "free seat")} kept where attendees land" : "a CapacityBuffer")}; " +
            $"looks every {spec.IntervalSeconds} s; each window releases to attendees plus a headroom of {Plural.Of(spec.HeadroomSeats, "free seat")} once arrivals stall " +
            $"({spec.Stall.Minutes} min without anyone new, {N(spec.Stall.MinShare * 100)}% of the seats taken) or at the latest after its arrival phase");
        stdout.WriteLine();
        var table = new FittedTable("", "no pre-warm#", "this plan#", "goal for this plan");
        var nodeHoursTarget = p.NoShowFraction > 0 ? 1.25 : 1.15;
        string Met(bool ok) => ok ? "met" : "MISSED";
        void Row(string label, Func<StrategySummary, string> f, string target = "") => table.Add(label, f(sim.NoPrewarm), f(sim.Plan), target);
        Row("wait p50", s => Wait(s.WaitP50Seconds));
        Row("wait p95", s => Wait(s.WaitP95Seconds), $"<= 15 s: {Met(sim.Plan.WaitP95Seconds <= 15)}");
        Row("wait max", s => Wait(s.WaitMaxSeconds));
        Row("peak nodes", s => $"{s.PeakNodes} ({N(s.PeakToPlanned)}x plan)", $"<= 1.1x plan: {Met(sim.Plan.PeakToPlanned <= 1.1)}");
        Row("node-hours", s => $"{N(s.NodeHours)} ({N(s.NodeHoursToLowerBound)}x lower bound)",
            $"<= {N(nodeHoursTarget)}x lower bound: {Met(sim.Plan.NodeHoursToLowerBound <= nodeHoursTarget)}");
        Row($"cost ({sim.Currency})", s => M(s.Cost));
        if (sim.NoPrewarm.Unserved + sim.Plan.Unserved > 0)
            Row("never served", s => s.Unserved.ToString(CultureInfo.InvariantCulture));
        foreach (var line in table.Lines(width)) stdout.WriteLine(line);
        stdout.WriteLine();
        Say($"Lower bound: the nodes the people who came needed, for each session plus the time a node needs to become usable ({N(sim.Plan.LowerBoundNodeHours)} node-hours).");
        Say("Model and defaults: README, \"simulate\".");
    }
}
