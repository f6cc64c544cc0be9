namespace HubInfra.Core.Simulation;

/// <summary>
/// A second-by-second model of one window on one autoscaled node pool: people arrive (<see cref="ArrivalCurve"/>),
/// the scheduler places them on a free seat, else preempts a placeholder, else they wait for the cluster autoscaler
/// to add a node (scan, decision, boot) and for the node to pull the user image (unless preloaded); the scaler sets
/// the placeholders every tracking interval; empty nodes go after the autoscaler's unneeded time. Pure: the same
/// scenario, policy and seed give the same outcome.
/// </summary>
public static class WindowSimulator
{
    private sealed class Node
    {
        public double RequestedAt;
        public double ReadyAt;
        public double ImageAt;
        public int Users;
        public int Placeholders;
        public double? EmptySince;
        public double? RemovedAt;
        public bool Ready(double t) => RemovedAt is null && ReadyAt <= t;
        public int Used => Users + Placeholders;
    }

    public static WindowOutcome Run(WindowScenario w, Strategy strategy, SimulationPolicy policy, ClusterTimings timings, ArrivalCurve curve, Random rng)
    {
        var seatsPerNode = Math.Max(1, w.SeatsPerNode);
        var people = (int)Math.Round(w.PlannedSeats * (1 - Math.Clamp(policy.NoShowFraction, 0, 1)));
        var arrivals = curve.Sample(people, Math.Max(0, w.EndSeconds - 1), rng);
        var waits = new List<double>(people);
        var nodes = new List<Node>();
        var pendingUsers = new Queue<double>();
        var pendingPlaceholders = 0;
        var replicas = 0;
        var users = 0;
        var lastScaleUp = double.NegativeInfinity;
        var peak = 0;
        var timeline = new List<int>();
        var points = new List<TimelinePoint>();
        var alive = 0;
        var pullSeconds = policy.Preloaded ? 0 : Math.Max(0, policy.PullMinutes) * 60;
        var releaseAt = policy.ReleaseAfterMinutes * 60.0;
        var tracking = Math.Max(1, policy.TrackingIntervalSeconds);
        var scan = Math.Max(1, (int)timings.ScanIntervalSeconds);

        var start = (int)Math.Floor(Math.Min(arrivals.Length > 0 ? arrivals[0] : 0, strategy == Strategy.Plan ? w.WarmFromSeconds : 0));
        var quietAfter = Math.Max(w.EndSeconds, w.CoolAtSeconds);
        var horizon = (int)Math.Ceiling(quietAfter + timings.ScaleDownUnneededSeconds + timings.ScaleDownDelayAfterAddSeconds + 3600);
        var next = 0;
        var ended = false;

        for (var t = start; t <= horizon; t++)
        {
            if (!ended && t >= w.EndSeconds)
            {
                // Sessions end with the window; people still waiting give up.
                ended = true;
                foreach (var n in nodes) n.Users = 0;
                users = 0;
                pendingUsers.Clear();
            }

            if (strategy == Strategy.Plan && t >= w.WarmFromSeconds && ((t - (int)Math.Floor(w.WarmFromSeconds)) % tracking == 0 || t == (int)Math.Ceiling(w.CoolAtSeconds)))
            {
                var demand = users + pendingUsers.Count;
                int target;
                if (t >= w.CoolAtSeconds) target = 0;
                else if (t < releaseAt) target = w.ArrivalTarget;
                else target = Math.Min(w.ArrivalTarget, demand + Math.Max(0, policy.LateHeadroomSeats));
                if (ended && t < w.CoolAtSeconds) target = Math.Min(target, Math.Max(0, policy.LateHeadroomSeats));
                replicas = Math.Max(0, target - demand);
                SetPlaceholders(nodes, ref pendingPlaceholders, replicas, policy.RemovePlaceholdersFromFullestNodes);
            }

            while (!ended && next < arrivals.Length && arrivals[next] <= t)
                pendingUsers.Enqueue(arrivals[next++]);

            // Users first (higher priority): a free seat, else preempt a placeholder.
            while (pendingUsers.Count > 0)
            {
                var node = BestFree(nodes, t, seatsPerNode) ?? BestWithPlaceholder(nodes, t);
                if (node is null) break;
                var arrived = pendingUsers.Dequeue();
                if (node.Used >= seatsPerNode)
                {
                    node.Placeholders--;
                    if (policy.PreemptedPlaceholdersRecreated) pendingPlaceholders++;
                }
                node.Users++;
                users++;
                var startAt = Math.Max(t, node.ImageAt) + Uniform(rng, timings.StartMinSeconds, timings.StartMaxSeconds);
                waits.Add(startAt - arrived);
            }

            while (pendingPlaceholders > 0)
            {
                var node = BestFree(nodes, t, seatsPerNode);
                if (node is null) break;
                node.Placeholders++;
                pendingPlaceholders--;
            }

            if (t % scan == 0)
            {
                // The cluster autoscaler acts at its scans: scale up for what is pending, then scale down what has
                // been empty (unneeded) long enough.
                var pending = pendingUsers.Count + pendingPlaceholders;
                var upcoming = 0;
                foreach (var n in nodes)
                    if (n.RemovedAt is null && n.ReadyAt > t) upcoming++;
                var needed = (int)Math.Ceiling((pending - (double)upcoming * seatsPerNode) / seatsPerNode);
                var add = Math.Min(needed, Math.Max(0, w.MaxNodes) - alive);
                for (var i = 0; i < add; i++)
                {
                    var requested = t + Uniform(rng, 0, timings.DecisionLatencyMaxSeconds);
                    var ready = requested + Uniform(rng, timings.BootMinSeconds, timings.BootMaxSeconds);
                    nodes.Add(new Node { RequestedAt = requested, ReadyAt = ready, ImageAt = ready + pullSeconds });
                    alive++;
                    lastScaleUp = t;
                }

                foreach (var n in nodes)
                {
                    if (n.RemovedAt is not null) continue;
                    if (!n.Ready(t) || n.Used > 0 || pending > 0)
                    {
                        n.EmptySince = null;
                        continue;
                    }
                    n.EmptySince ??= t;
                    if (t - n.EmptySince >= timings.ScaleDownUnneededSeconds && t - lastScaleUp >= timings.ScaleDownDelayAfterAddSeconds)
                    {
                        n.RemovedAt = t;
                        alive--;
                    }
                }
            }
            peak = Math.Max(peak, alive);
            if ((t - start) % 60 == 0)
            {
                timeline.Add(alive);
                var warmSeats = nodes.Where(n => n.Ready(t)).Sum(n => seatsPerNode - n.Users);
                points.Add(new TimelinePoint(t / 60.0, users + pendingUsers.Count, warmSeats, alive));
            }

            if (t > quietAfter && alive == 0 && pendingPlaceholders == 0) break;
        }

        var end = (double)horizon;
        var nodeHours = nodes.Sum(n => ((n.RemovedAt ?? end) - n.RequestedAt) / 3600);
        var lowerBound = Math.Ceiling(people / (double)seatsPerNode) * Math.Max(0, w.EndSeconds) / 3600;
        return new WindowOutcome(w.Source, strategy, people, waits, peak, w.PlannedNodes, nodeHours, lowerBound, people - waits.Count)
        {
            StartMinute = start / 60.0,
            NodesPerMinute = timeline,
            Timeline = points,
            LowerBoundNodes = (int)Math.Ceiling(people / (double)seatsPerNode),
        };
    }

    private static double Uniform(Random rng, double from, double to) => from + rng.NextDouble() * Math.Max(0, to - from);

    /// <summary>The scheduler packs (z2jh's user scheduler scores MostAllocated): the fullest ready node with a free seat.</summary>
    private static Node? BestFree(List<Node> nodes, double t, int seatsPerNode)
    {
        Node? best = null;
        foreach (var n in nodes)
            if (n.Ready(t) && n.Used < seatsPerNode && (best is null || n.Used > best.Used))
                best = n;
        return best;
    }

    private static Node? BestWithPlaceholder(List<Node> nodes, double t)
    {
        Node? best = null;
        foreach (var n in nodes)
            if (n.Ready(t) && n.Placeholders > 0 && (best is null || n.Users > best.Users))
                best = n;
        return best;
    }

    /// <summary>
    /// The ReplicaSet's reaction to a new replica count: unscheduled placeholders go first; then, by default, those on
    /// the nodes with the most placeholders (the ReplicaSet's ranking, i.e. the emptiest nodes), or, with
    /// <paramref name="fullestFirst"/>, those on the nodes with the most users (what a scaler can ask for with the
    /// <c>controller.kubernetes.io/pod-deletion-cost</c> annotation), which keeps free seats where users already are.
    /// </summary>
    private static void SetPlaceholders(List<Node> nodes, ref int pending, int replicas, bool fullestFirst)
    {
        var bound = nodes.Sum(n => n.RemovedAt is null ? n.Placeholders : 0);
        var total = bound + pending;
        if (replicas >= total)
        {
            pending += replicas - total;
            return;
        }
        var remove = total - replicas;
        var fromPending = Math.Min(pending, remove);
        pending -= fromPending;
        remove -= fromPending;
        var candidates = nodes.Where(n => n.RemovedAt is null && n.Placeholders > 0);
        var ordered = fullestFirst
            ? candidates.OrderByDescending(n => n.Users).ThenBy(n => n.Placeholders)
            : candidates.OrderBy(n => n.Users).ThenByDescending(n => n.Placeholders);
        foreach (var n in ordered.ToList())
        {
            if (remove == 0) break;
            var k = Math.Min(remove, n.Placeholders);
            n.Placeholders -= k;
            remove -= k;
        }
    }
}
