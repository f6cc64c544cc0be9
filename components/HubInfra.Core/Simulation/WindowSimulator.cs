using HubInfra.Core.Scaling;
using NodaTime;

namespace HubInfra.Core.Simulation;

/// <summary>
/// One warm window, second by second, on a <see cref="ClusterModel"/>: people arrive for each session
/// (<see cref="ArrivalCurve"/>) and leave at its end; with <see cref="Strategy.Plan"/> the event's scaler looks every
/// interval and applies <see cref="WarmSeatPolicy"/> (the rule the script in the cluster applies; a test runs the
/// script itself in its place); the autoscaler scans every <see cref="ClusterTimings.ScanIntervalSeconds"/>. Pure: the
/// same scenario, spec, policy and seed give the same outcome.
/// </summary>
public static class WindowSimulator
{
    /// <summary>A scaler look: what the scaler in the cluster decides from what it lists.</summary>
    public delegate ScalerDecision Look(ScalerView view);

    public static WindowOutcome Run(WindowScenario w, Strategy strategy, ScalerSpec spec, SimulationPolicy policy, ClusterTimings timings,
        ArrivalCurve curve, Random rng, Look? look = null)
    {
        var backend = policy.Backend;
        spec = spec with { Backend = backend };
        look ??= view => WarmSeatPolicy.Decide(spec, view);
        var origin = w.Origin;
        double Sec(Instant i) => (i - origin).TotalSeconds;

        var model = new ClusterModel(w.SeatsPerNode, w.MaxNodes, timings,
            policy.Preloaded ? 0 : Math.Max(0, policy.PullMinutes) * 60, rng);
        var keep = 1 - Math.Clamp(policy.NoShowFraction, 0, 1);
        var sessions = w.Sessions.Select((s, i) =>
        {
            var people = (int)Math.Round(s.Seats * keep);
            var start = Sec(s.Start);
            var end = Sec(s.End);
            var times = curve.Sample(people, Math.Max(0, end - start - 1), rng).Select(x => start + x).ToArray();
            return (Index: i, Start: start, End: end, People: people, Arrivals: times);
        }).ToList();
        var arrivals = sessions.SelectMany(s => s.Arrivals.Select(a => (Time: a, Session: s.Index))).OrderBy(a => a.Time).ToList();
        var people = sessions.Sum(s => s.People);
        var warmFrom = Sec(w.WarmFrom);
        var coolAt = Sec(w.CoolAt);
        var lastEnd = sessions.Max(s => s.End);

        var first = arrivals.Count > 0 ? arrivals[0].Time : 0;
        var start = (int)Math.Floor(Math.Min(first, strategy == Strategy.Plan ? warmFrom : first));
        var quietAfter = Math.Max(lastEnd, strategy == Strategy.Plan ? coolAt : lastEnd);
        var horizon = (int)Math.Ceiling(quietAfter + timings.ScaleDownUnneededSeconds + timings.ScaleDownDelayAfterAddSeconds + 3600);
        var interval = Math.Max(1, spec.IntervalSeconds);
        var scan = Math.Max(1, (int)timings.ScanIntervalSeconds);
        var ended = new bool[sessions.Count];
        var next = 0;
        var unserved = 0;
        var peak = 0;
        var timeline = new List<TimelinePoint>();
        var warmStart = (int)Math.Floor(warmFrom);
        var lastLook = (int)Math.Ceiling(coolAt) + interval;

        for (var t = start; t <= horizon; t++)
        {
            foreach (var s in sessions)
                if (!ended[s.Index] && t >= s.End)
                {
                    ended[s.Index] = true;
                    unserved += model.EndSession(s.Index);
                }

            if (strategy == Strategy.Plan && t >= warmStart && t <= lastLook && (t - warmStart) % interval == 0)
                model.Apply(look(model.View(origin, t)), backend, t);

            while (next < arrivals.Count && arrivals[next].Time <= t)
            {
                var (time, session) = arrivals[next++];
                if (!ended[session]) model.PendingUsers.Add(model.NewUser(time, session));
            }

            model.Schedule(t, preempt: backend == CapacityBackend.Placeholders, timings.StartMinSeconds, timings.StartMaxSeconds);
            if (t % scan == 0) model.Autoscale(t, backend);

            var alive = model.AliveNodes;
            peak = Math.Max(peak, alive);
            if ((t - start) % 60 == 0)
            {
                var present = model.Nodes.Sum(n => n.Alive ? n.Users.Count : 0) + model.PendingUsers.Count;
                var warmSeats = model.Nodes.Where(n => n.Ready(t)).Sum(n => model.SeatsPerNode - n.Users.Count);
                timeline.Add(new TimelinePoint(t / 60.0, present, warmSeats, alive));
            }
            if (t > quietAfter && alive == 0 && model.PendingPlaceholders.Count == 0)
            {
                if (timeline.Count == 0 || timeline[^1].Minute < t / 60.0) timeline.Add(new TimelinePoint(t / 60.0, 0, 0, 0));
                break;
            }
        }

        var end = (double)horizon;
        var nodeHours = model.Nodes.Sum(n => ((n.RemovedAt ?? end) - n.RequestedAt) / 3600);
        var usable = timings.UsableSeconds(policy.Preloaded, policy.PullMinutes);
        var seats = Math.Max(1, w.SeatsPerNode);
        var lowerBound = sessions.Sum(s => Math.Ceiling(s.People / (double)seats) * (Math.Max(0, s.End - s.Start) + usable) / 3600);
        return new WindowOutcome(w.Source, strategy, people, model.Waits, peak, w.PlannedNodes, nodeHours, lowerBound,
            unserved + model.PendingUsers.Count)
        {
            StartMinute = start / 60.0,
            Timeline = timeline,
            LowerBoundNodes = sessions.Count == 0 ? 0 : sessions.Max(s => (int)Math.Ceiling(s.People / (double)seats)),
            Preemptions = model.Preemptions,
        };
    }
}
