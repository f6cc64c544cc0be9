using System.Globalization;
using HubInfra.Core.Simulation;

namespace HubInfra.Benchmarks;

/// <summary>
/// The held-out scenarios of README "simulate": 300 and 800 seats, windows of 8 h and 3 h, 15 seats per node, seeds
/// 101–110, a 5-minute pull; for each placeholder behaviour and release order, the worst p95 wait, peak / planned
/// nodes and node-hours / lower bound of the 20 runs. Run: <c>dotnet run -c Release --project tests/HubInfra.Benchmarks -- held-out</c>.
/// </summary>
public static class HeldOutScenarios
{
    public static void Print(TextWriter output)
    {
        output.WriteLine("| preempted placeholder | lowered from | window | no-shows | p95 wait | peak / planned | node-hours / lower bound |");
        output.WriteLine("|---|---|---|---:|---:|---:|---:|");
        foreach (var (recreated, fullestFirst) in new[] { (true, false), (true, true), (false, false), (false, true) })
            foreach (var hours in new[] { 8.0, 3.0 })
                foreach (var noShow in new[] { 0.0, 0.3 })
                {
                    double p95 = 0, peak = 0, nodeHours = 0;
                    foreach (var seats in new[] { 300, 800 })
                        for (var seed = 101; seed <= 110; seed++)
                        {
                            var nodes = (int)Math.Ceiling(seats / 15.0);
                            var window = new WindowScenario("held-out", -1800, hours * 3600, hours * 3600 + 900, seats, nodes, 15, nodes + 1);
                            var policy = new SimulationPolicy(60, 60, 15, recreated, fullestFirst, false, 5, noShow, seed);
                            var o = WindowSimulator.Run(window, Strategy.Plan, policy, ClusterTimings.Default, ArrivalCurve.Default, new Random(seed));
                            p95 = Math.Max(p95, StrategySummary.Percentile(o.Waits.Order().ToArray(), 0.95));
                            peak = Math.Max(peak, (double)o.PeakNodes / nodes);
                            nodeHours = Math.Max(nodeHours, o.NodeHours / o.LowerBoundNodeHours);
                        }
                    output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"| {(recreated ? "recreated (Deployment)" : "not recreated")} | {(fullestFirst ? "fullest nodes first" : "ReplicaSet order (emptiest nodes)")} | {hours} h | {noShow * 100}% | {p95:0} s | {peak:0.00} | {nodeHours:0.00} |"));
                }
    }
}
