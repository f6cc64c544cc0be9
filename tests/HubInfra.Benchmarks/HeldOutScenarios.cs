using System.Globalization;
using HubInfra.Cli;
using HubInfra.Core.Planning;
using HubInfra.Core.Scaling;
using HubInfra.Core.Schedule;
using HubInfra.Core.Simulation;
using NodaTime;
using HubInfra.Core.Stacks;

namespace HubInfra.Benchmarks;

/// <summary>
/// The figures of README "simulate": every event stack in a folder (the shipped examples) and four events that are
/// not examples — a weekly 2-hour lab of 180 students over 15 weeks, a 90-minute workshop of 60, an 8-hour day of
/// 300 and a 3-day event of 800 (8 hours a day) on nodes of 15 seats — each with everyone coming and with 30%
/// no-shows, a 5-minute image pull, for both backends; seeds 101–105, the worst of them per row.
/// Run: <c>dotnet run -c Release --project tests/HubInfra.Benchmarks -- held-out [STACKS]</c>.
/// </summary>
public static class HeldOutScenarios
{
    public static void Print(TextWriter output, string stacks = "stacks")
    {
        output.WriteLine("| event | backend | no-shows | p95 wait | peak / plan | node-hours / lower bound | preempted |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|");
        foreach (var (name, plan) in Events(stacks))
            foreach (var backend in new[] { CapacityBackend.Placeholders, CapacityBackend.CapacityBuffer })
                foreach (var noShow in new[] { 0.0, 0.3 })
                {
                    double p95 = 0, peak = 0, ratio = 0;
                    var preempted = 0;
                    for (var seed = 101; seed <= 105; seed++)
                    {
                        var sim = EventSimulation.Run(plan, SimulationPolicy.From(plan, noShow, 5, seed, backend));
                        p95 = Math.Max(p95, sim.Plan.WaitP95Seconds);
                        peak = Math.Max(peak, sim.Plan.PeakToPlanned);
                        ratio = Math.Max(ratio, sim.Plan.NodeHoursToLowerBound);
                        preempted = Math.Max(preempted, sim.Plan.Preemptions);
                    }
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {name} | {backend.Name()} | {noShow * 100:0}% | {p95:0} s | {peak:0.00} | {ratio:0.00} | {preempted} |"));
                }
    }

    private static IEnumerable<(string, EventPlan)> Events(string stacks)
    {
        var set = new StackSet(stacks);
        foreach (var name in set.StackNames)
        {
            var loaded = set.Load(name);
            if (loaded.Plan is { } plan)
                yield return (name, plan);
        }
        var gpu = set.Load("community-gpu").Community!;
        EventPlan Inline(string name, string body) =>
            StackLoader.Load(HubInfra.Core.Config.StackFile.Parse(name,
                $"config:\n  hubinfra:kind: event\n  hubinfra:event:\n    community: community-gpu\n    hub: courses\n    profile: cpu\n    timeZone: Europe/Berlin\n{body}"),
                _ => gpu).Plan!;
        yield return ("weekly 2-h lab, 180", Inline("lab", "    attendees: 180\n    daily:\n      - { from: 2027-09-06, to: 2027-12-13, start: \"14:00\", end: \"16:00\", days: [Mon] }\n"));
        yield return ("90-min workshop, 60", Inline("ws", "    attendees: 60\n    windows:\n      - { start: 2027-09-08T10:00, end: 2027-09-08T11:30 }\n"));
        yield return ("8-h day, 300", Inline("day", "    attendees: 300\n    windows:\n      - { start: 2027-09-09T09:00, end: 2027-09-09T17:00 }\n"));
        yield return ("3-day event, 800", Inline("three", "    attendees: 800\n    daily:\n      - { from: 2027-09-13, to: 2027-09-15, start: \"09:00\", end: \"17:00\" }\n"));
    }
}
