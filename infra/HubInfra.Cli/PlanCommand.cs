using System.CommandLine;
using System.Globalization;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using Spectre.Console;

namespace HubInfra.Cli;

/// <summary><c>plan --stack NAME [--format table|json]</c>: the capacity plan a person reads at a glance, or JSON for machines.</summary>
public static class PlanCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var stack = CommonOptions.Stack();
        var format = new Option<string>("--format") { Description = "table or json", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var command = new Command("plan", "Print a stack's capacity plan: windows in the event's zone and UTC, seats, nodes, node-hours, cost.") { stacks, stack, format };
        command.SetAction(result => Run(result.GetValue(stacks)!, result.GetValue(stack)!, result.GetValue(format)!, stdout, stderr));
        return command;
    }

    public static int Run(string directory, string stack, string format, TextWriter stdout, TextWriter stderr)
    {
        var set = new StackSet(directory);
        var loaded = set.Load(stack);
        if (loaded.HasErrors)
        {
            foreach (var p in loaded.Errors) stderr.WriteLine(p.Format(set.PathOf(stack)));
            return 1;
        }
        object doc;
        EventPlan? eventPlan = null;
        CommunityPlan? communityPlan = null;
        if (loaded.Event is { } ev && loaded.Community is { } c && EventPlan.From(ev, c) is { } ep)
        {
            eventPlan = ep;
            doc = PlanDocument.Event(ep);
        }
        else if (loaded.Community is { } community)
        {
            communityPlan = CommunityPlan.From(community);
            doc = PlanDocument.Community(communityPlan);
        }
        else
        {
            stderr.WriteLine($"{stack}: nothing to plan");
            return 1;
        }

        if (format == "json")
        {
            stdout.WriteLine(ValuesYaml.Json(doc));
            return 0;
        }
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(stdout), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 160;
        if (eventPlan is not null) EventTable(console, eventPlan);
        else CommunityTable(console, communityPlan!);
        return 0;
    }

    private static string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

    private static void EventTable(IAnsiConsole console, EventPlan plan)
    {
        var ev = plan.Event;
        console.WriteLine($"Event {ev.StackName} on {ev.CommunityStack} / hub {plan.Hub.Name} / profile {plan.Profile.Name} ({plan.Profile.CpuGuarantee} CPU, {plan.Profile.MemoryGuarantee} guaranteed)");
        console.WriteLine($"Pool {plan.Pool.Pool}: {plan.Pool.MachineType}, allocatable {N(plan.Pool.AllocatableCpu)} CPU / {N(plan.Pool.AllocatableMemoryGiB)} GiB, " +
                          $"{plan.Pool.SeatsPerNode} seats per node{(plan.Pool.Dedicated is not null ? " (dedicated event pool)" : "")}");
        var table = new Table().Border(TableBorder.Simple);
        foreach (var col in new[] { "window", $"local ({ev.Zone.Id})", "UTC", "warm (UTC)", "seats", "nodes", "node-hours", $"cost ({plan.Currency})" })
            table.AddColumn(col);
        foreach (var w in plan.Windows)
            table.AddRow(Markup.Escape(w.Source), Span(w.Start.LocalDateTime, w.End.LocalDateTime), Span(w.Start.ToInstant().InUtc().LocalDateTime, w.End.ToInstant().InUtc().LocalDateTime),
                Span(w.WarmFrom.InUtc().LocalDateTime, w.CoolAt.InUtc().LocalDateTime),
                w.Seats.ToString(CultureInfo.InvariantCulture), w.Nodes.ToString(CultureInfo.InvariantCulture), N(w.NodeHours), N(w.Cost));
        table.AddRow("total", "", "", "", $"{plan.PeakSeats} peak", $"{plan.PeakNodes} peak", N(plan.NodeHours), N(plan.Cost));
        console.Write(table);
        console.WriteLine($"Prices as of {plan.PricesAsOf} ({ev.Capacity.Prices.Region} list prices; override in hubinfra:capacity.prices).");
        foreach (var note in plan.Exclusions.Notes)
            console.WriteLine($"Note: {note}");
    }

    /// <summary>"2027-07-05 09:00–17:00", or with both dates when the span crosses midnight.</summary>
    private static string Span(NodaTime.LocalDateTime start, NodaTime.LocalDateTime end)
    {
        var first = start.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
        var last = end.Date == start.Date ? end.ToString("HH:mm", CultureInfo.InvariantCulture) : end.ToString("uuuu-MM-dd HH:mm", CultureInfo.InvariantCulture);
        return $"{first}–{last}";
    }

    private static void CommunityTable(IAnsiConsole console, CommunityPlan plan)
    {
        var table = new Table().Border(TableBorder.Simple);
        foreach (var col in new[] { "pool", "machine", "nodes", "alloc CPU", "alloc GiB", "spot", "gpu", "price/h" })
            table.AddColumn(col);
        foreach (var p in plan.NodePools)
            table.AddRow(p.Name, p.MachineType, $"{p.MinNodes}..{p.MaxNodes}", N(p.AllocatableCpu), N(p.AllocatableMemoryGiB), p.Spot ? "yes" : "no",
                p.Gpu is { } g ? $"{g.Count}x {g.Type}" : "", N(p.HourlyPrice));
        console.Write(table);
        var seats = new Table().Border(TableBorder.Simple);
        foreach (var col in new[] { "hub", "url", "profile", "pool", "seats/node", "max users" })
            seats.AddColumn(col);
        foreach (var h in plan.Hubs)
            foreach (var s in h.Seats)
                seats.AddRow(h.Name, h.Url, s.Profile, s.NodePool, s.SeatsPerNode.ToString(CultureInfo.InvariantCulture), s.MaxUsers.ToString(CultureInfo.InvariantCulture));
        console.Write(seats);
        _ = plan.Stack.Kind == StackKind.Local;
    }
}
