using System.CommandLine;
using System.Globalization;
using HubInfra.Core.Config;
using HubInfra.Core.Capacity;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Schedule;
using HubInfra.Core.Values;
using NodaTime;
using HubInfra.Core.Stacks;

namespace HubInfra.Cli;

/// <summary>
/// <c>plan --stack NAME [--format table|json] [--width N]</c>: the capacity plan a person reads at a glance (tables
/// that fit the terminal), or JSON for machines. Problems that do not make the plan impossible are listed under it.
/// </summary>
public static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var stack = CommonOptions.Stack();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var width = new Option<int?>("--width")
        {
            Description = $"Line width of the tables (default: the terminal's width; when output is redirected, $COLUMNS, else {OutputWidth.Default})",
        };
        var command = new Command("plan",
            "Print a stack's capacity plan: windows in the event's zone and UTC, seats, nodes, node-hours, cost. " +
            "Problems that do not change the plan (e.g. missing maintenance exclusions) are listed under it; " +
            "exit 1 only when no plan can be computed.")
        {
            stacks, stack, format, width,
        };
        command.SetAction(result => Run(result.GetValue(stacks)!, result.GetValue(stack)!, result.GetValue(format)!, stdout, stderr,
            OutputWidth.For(stdout, result.GetValue(width))));
        return command;
    }

    public static int Run(string directory, string stack, string format, TextWriter stdout, TextWriter stderr, int width = OutputWidth.Default)
    {
        var set = new StackSet(directory);
        var file = set.PathOf(stack);
        if (set.Missing(stack) is { } missing)
        {
            stderr.WriteLine(missing);
            return 1;
        }
        var loaded = set.Load(stack);
        var blockers = loaded.Problems.Where(PlanBlockers.Blocks).ToList();
        string? json = null;
        EventPlan? eventPlan = null;
        CommunityPlan? communityPlan = null;
        RegionalQuota? quota = null;
        if (blockers.Count == 0)
        {
            if (loaded.Event is { } ev && loaded.Community is { } c && loaded.Plan is { } ep)
            {
                eventPlan = ep;
                if (c.Kind != StackKind.Local)
                    quota = RegionalQuota.Peak(c, RegionalQuota.Overlapping(ep, EventPlansOf(set, ev.CommunityStack)));
                json = PlanDocument.Json(PlanDocument.Event(ep, quota));
            }
            else if (loaded.Event is null && loaded.Community is { } community)
            {
                communityPlan = CommunityPlan.From(community, loaded.Exclusions);
                if (community.Kind != StackKind.Local)
                    quota = RegionalQuota.Peak(community, EventPlansOf(set, stack));
                json = PlanDocument.Json(PlanDocument.Community(communityPlan, quota));
            }
        }
        if (json is null)
        {
            stderr.WriteLine($"{file}: no plan: " + (blockers.Count == 0 ? "nothing to plan" : "fix these first (the plan is computed from them):"));
            foreach (var p in blockers)
                stderr.WriteLine(p.Format(file));
            var others = loaded.Errors.Count() - blockers.Count;
            if (others > 0)
                stderr.WriteLine($"{file}: and {Plural.Of(others, "more error")} that {(others == 1 ? "does" : "do")} not change the plan (validate --stacks {directory} lists all)");
            return 1;
        }

        var rest = loaded.Problems.ToList();
        if (format == "json")
        {
            stdout.WriteLine(json);
            foreach (var p in rest) stderr.WriteLine(p.Format(file));
            return 0;
        }
        var lines = eventPlan is not null ? EventLines(eventPlan, width) : CommunityLines(communityPlan!, width);
        if (quota is not null)
            lines.AddRange(Wrap.Words(QuotaLine(quota), width, ""));
        lines.AddRange(ProblemLines(file, rest, width));
        foreach (var line in lines) stdout.WriteLine(line);
        return 0;
    }

    /// <summary>The plans of the valid event stacks in the folder that run on <paramref name="community"/>.</summary>
    public static IReadOnlyList<EventPlan> EventPlansOf(StackSet set, string community)
    {
        var plans = new List<EventPlan>();
        foreach (var name in set.StackNames)
        {
            if (set.Raw(name) is not { } raw || StackLoader.KindOf(raw) != StackKind.Event) continue;
            var loaded = set.Load(name);
            if (loaded.Problems.Any(PlanBlockers.Blocks) || loaded.Event is not { } ev || ev.CommunityStack != community) continue;
            if (loaded.Plan is { } plan) plans.Add(plan);
        }
        return plans;
    }

    private static string QuotaLine(RegionalQuota q)
    {
        static string Counts(IReadOnlyDictionary<string, long> counts) =>
            counts.Count == 0 ? "none" : string.Join(", ", counts.Select(kv => $"{kv.Key} {kv.Value}"));
        var events = q.Events.Count == 0 ? "" : $" (with {string.Join(", ", q.Events)})";
        return $"Quota needed at the peak in {q.Region}{events}: vCPUs {Counts(q.CpusByFamily)}; GPUs {Counts(q.GpusByType)}; SSD {q.SsdGb} GB; in-use addresses {q.InUseAddresses}.";
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>Money: two decimals, rounded once (totals from the unrounded figures).</summary>
    private static string M(double v) => PlanDocument.Money(v).ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>An hourly price: four decimals (0.0971, not 0.1).</summary>
    private static string R(double v) => PlanDocument.Rate(v).ToString("0.0000", CultureInfo.InvariantCulture);

    private static string I(int v) => v.ToString(CultureInfo.InvariantCulture);

    private static List<string> EventLines(EventPlan plan, int width)
    {
        var ev = plan.Event;
        var lines = new List<string>();
        void Say(string text) => lines.AddRange(Wrap.Words(text, width, ""));
        Say($"Event {ev.StackName} on {ev.CommunityStack}: hub {plan.Hub.Name}, profile {plan.Profile.Name}");
        var pool = plan.Pool;
        Say($"Seat: {plan.Profile.CpuGuarantee.ToString(CultureInfo.InvariantCulture)} CPU, {plan.Profile.MemoryGuarantee} guaranteed. " +
            $"Node: {pool.MachineType}{(pool.Gpu is { } gpu ? $" with {gpu.Count}× {gpu.Type}" : "")}, {N(pool.AllocatableCpu)} CPU / {N(pool.AllocatableMemoryGiB)} GiB allocatable, {Plural.Of(pool.SeatsPerNode, "seat")}.");
        Say(pool.Dedicated is { } d
            ? $"Pool: {d.NamePrefix.TrimEnd('-')}, the event's own (created and removed with the event stack)."
            : $"Pool: {pool.Name}, the community's (autoscales to at most {Plural.Of(pool.MaxNodes, "node")}).");
        Say($"Local times in {ev.Zone.Id}; a UTC time marked (+1) or (-1) falls on the next or previous day. " +
            $"Capacity is warm from {Plural.Of((int)plan.PreWarm.TotalMinutes, "minute")} before each start until {Plural.Of((int)ev.Grace.TotalMinutes, "minute")} " +
            "after each end (the phases below, in UTC).");
        Say("Node-hours and cost per window: the upper bound, every planned seat used from warm-up to cool-down.");
        lines.Add("");

        var table = new FittedTable("window", "local", "UTC", "seats#", "nodes#", "node-hours#", $"cost {plan.Currency}#");
        foreach (var w in plan.Windows)
        {
            var day = w.Start.Date;
            table.Add(WindowLabel(w.Source, day), Span(w.Start.LocalDateTime, w.End.LocalDateTime, day, withDate: true),
                Span(w.Start.ToInstant().InUtc().LocalDateTime, w.End.ToInstant().InUtc().LocalDateTime, day),
                I(w.Seats), I(w.Nodes), N(w.NodeHours), M(w.Cost));
        }
        table.Add("peak", "", "", I(plan.PeakSeats), I(plan.PeakNodes), "", "");
        table.Add("total", "", "", "", "", N(plan.NodeHours), M(plan.Cost));
        lines.AddRange(table.Lines(width));
        lines.Add("");
        lines.AddRange(PhaseLines(plan, width));
        lines.Add("");
        Say($"Costs: {plan.PriceBasis} (override in hubinfra:capacity.prices).");
        foreach (var note in plan.Exclusions.Notes)
            Say($"Note: {note}");
        if (plan.Storm is { } storm)
        {
            Say(plan.Hub.Workshop is not null
                ? $"Login storm: set on the workshop hub '{plan.Hub.Name}':"
                : $"Login storm: what hub '{plan.Hub.Name}' of {ev.CommunityStack} needs (its loginStorm settings; validate warns when they are lower):");
            foreach (var line in storm.Formulas())
                lines.AddRange(Wrap.Words($"  {line}", width, "    "));
        }
        return lines;
    }

    /// <summary>
    /// Arrival phase (every seat warm) and release phase (at most the headroom free) of each window, one row per
    /// phase with the window's local date, times in UTC on that date.
    /// </summary>
    private static List<string> PhaseLines(EventPlan plan, int width)
    {
        var headroom = Plural.Of(plan.HeadroomSeats, "free seat");
        var stall = plan.Scaler.Stall;
        var lines = Wrap.Words($"Warm seats follow arrivals every {I(plan.TrackingIntervalSeconds)} s; every seat stays warm until arrivals " +
            $"stall ({Plural.Of(stall.Minutes, "minute")} without anyone new, {N(stall.MinShare * 100)}% of the seats taken) or at the latest " +
            $"{I(plan.ReleaseAfterMinutes)} min after each start (arrival: the rows below take the latest), then at most {headroom} " +
            $"{(plan.HeadroomSeats == 1 ? "stays" : "stay")} warm (release); release rows count only the nodes held beyond those who came.", width, "").ToList();
        lines.Add("");
        var table = new FittedTable("window", "date", "phase", "UTC", "warm seats#", "nodes#", "node-hours#", $"cost {plan.Currency}#");
        foreach (var w in plan.Windows)
        {
            var day = w.Start.Date;
            var label = WindowLabel(w.Source, day);
            var date = day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
            table.Add(label, date, "arrival", Span(w.WarmFrom.InUtc().LocalDateTime, w.ReleaseAt.InUtc().LocalDateTime, day),
                I(w.WarmSeats), I(w.Nodes), N(w.ArrivalNodeHours), M(w.ArrivalCost));
            table.Add(label, date, "release", Span(w.ReleaseAt.InUtc().LocalDateTime, w.CoolAt.InUtc().LocalDateTime, day),
                $"{I(w.HeadroomSeats)} free", I(w.HeadroomNodes), N(w.ReleaseNodeHours), M(w.ReleaseCost));
        }
        table.Add("total", "", "arrival", "", "", "", N(plan.ArrivalNodeHours), M(plan.ArrivalCost));
        table.Add("total", "", "release", "", "", "", N(plan.ReleaseNodeHours), M(plan.ReleaseCost));
        lines.AddRange(table.Lines(width));
        return lines;
    }

    /// <summary>The window's key (<c>daily[0]</c>, <c>windows[2]</c>) without the date the local column already shows.</summary>
    private static string WindowLabel(string source, LocalDate day) =>
        source.Replace(" " + day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture), "", StringComparison.Ordinal);

    /// <summary>
    /// "2027-07-05 09:00–17:00" (with the date) or "07:00–15:00", each time marked "(+1)"/"(-1)" when it falls on another
    /// date than <paramref name="day"/> (the window's local start date): a span across midnight stays on one line.
    /// </summary>
    public static string Span(LocalDateTime start, LocalDateTime end, LocalDate day, bool withDate = false)
    {
        string Time(LocalDateTime t)
        {
            var offset = Period.Between(day, t.Date, PeriodUnits.Days).Days;
            var time = t.ToString("HH:mm", CultureInfo.InvariantCulture);
            return offset == 0 ? time : offset > 0 ? $"{time}(+{I(offset)})" : $"{time}({I(offset)})";
        }
        var prefix = withDate ? day.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture) + " " : "";
        return $"{prefix}{Time(start)}–{Time(end)}";
    }

    private static List<string> CommunityLines(CommunityPlan plan, int width)
    {
        var lines = new List<string>();
        void Say(string text) => lines.AddRange(Wrap.Words(text, width, ""));
        var stack = plan.Stack;
        if (plan.Cluster is { } cluster)
            Say($"Community {stack.StackName}: cluster {cluster.Name} in {cluster.Location}, project {cluster.Project}");
        else
            Say($"Local stack {stack.StackName}: hubs on the nodes of kubeconfig context {stack.Local?.Context} (no GKE cluster)");
        if (plan.NodePools.Count > 0)
        {
            lines.Add("");
            Say("Node pools (autoscaling between the node counts; allocatable per node):");
            var pools = new FittedTable("pool", "machine", "nodes", "alloc CPU#", "alloc GiB#", "spot", "gpu", $"price/h {stack.Capacity.Prices.Currency}#");
            foreach (var p in plan.NodePools)
                pools.Add(p.Name, p.MachineType, $"{I(p.MinNodes)}..{I(p.MaxNodes)}", N(p.AllocatableCpu), N(p.AllocatableMemoryGiB), p.Spot ? "yes" : "no",
                    p.Gpu is { } g ? $"{I(g.Count)}x {g.Type}" : "", R(p.HourlyPrice));
            lines.AddRange(pools.Lines(width));
            Say($"Prices: {stack.Capacity.Prices.Basis}.");
        }
        if (plan.Cluster is { MaintenanceExclusions.Count: > 0 } withExclusions)
        {
            lines.Add("");
            Say("Maintenance exclusions (UTC; GKE does not upgrade the cluster within their scope):");
            var exclusions = new FittedTable("name", "start", "end", "scope", "source");
            foreach (var e in withExclusions.MaintenanceExclusions)
                exclusions.Add(e.Name, PlanDocument.Utc(e.Start), PlanDocument.Utc(e.End), e.Scope.GkeName(), e.Source);
            lines.AddRange(exclusions.Lines(width));
        }
        foreach (var note in plan.Cluster?.MaintenanceExclusionNotes ?? [])
            Say($"Note: {note}");
        lines.Add("");
        Say("Seats per profile (max users = seats per node × the pool's maximum nodes):");
        var seats = new FittedTable("hub", "url", "profile", "pool", "seats/node#", "max users#");
        foreach (var h in plan.Hubs)
            foreach (var s in h.Seats)
                seats.Add(h.Name, h.Url, s.Profile, s.NodePool, I(s.SeatsPerNode), I(s.MaxUsers));
        lines.AddRange(seats.Lines(width));
        return lines;
    }

    /// <summary>The problems that do not stop the plan, under it: errors to fix before deploying, then warnings.</summary>
    private static IEnumerable<string> ProblemLines(string file, IReadOnlyList<Problem> problems, int width)
    {
        if (problems.Count == 0) yield break;
        var errors = problems.Count(p => p.Severity == Severity.Error);
        var warnings = problems.Count - errors;
        var counts = string.Join(" and ", new[] { errors > 0 ? Plural.Of(errors, "error") + " to fix before deploying" : "", warnings > 0 ? Plural.Of(warnings, "warning") : "" }
            .Where(x => x.Length > 0));
        yield return "";
        foreach (var line in Wrap.Words($"{counts} (the plan above stands; validate reports {(problems.Count == 1 ? "it" : "them")} too):", width, ""))
            yield return line;
        foreach (var p in problems.OrderBy(p => p.Severity))
            foreach (var line in Wrap.Words("- " + p.Format(file), width, ""))
                yield return line;
    }
}
