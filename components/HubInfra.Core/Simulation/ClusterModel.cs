using HubInfra.Core.Scaling;
using NodaTime;

namespace HubInfra.Core.Simulation;

/// <summary>
/// One autoscaled node pool, second by second, with the mechanisms that decide where people land and when nodes come
/// and go, each modelled from its source. Where a source leaves a choice open (ties), the choice is random, never
/// the one that suits the plan.
/// <list type="bullet">
/// <item><b>Placing a pod that fits</b> (users, placeholders): z2jh's user scheduler scores nodes with NodeResourcesFit
/// and the MostAllocated strategy (chart values <c>scheduling.userScheduler.pluginConfig</c>), so the feasible node
/// with the most requested seats wins, and with ImageLocality, so a user server prefers a node that already has its
/// image; equal scores are broken at random (kube-scheduler <c>selectHost</c> samples among the best).</item>
/// <item><b>Preemption</b> (an attendee that fits nowhere): kube-scheduler's DefaultPreemption. On each node the
/// victim is the placeholder that started last (victims are reprieved most important first: higher priority, then
/// earlier start, <c>MoreImportantPod</c>); among nodes with one victim of the same priority,
/// <c>pickOneNodeForPreemption</c> takes the node whose victim started latest, and remaining ties go to the first
/// candidate, which the dry run visits from a random offset: at random here. Placeholders never preempt
/// (<c>preemptionPolicy: Never</c>).</item>
/// <item><b>Scale-up</b>: every scan the cluster autoscaler adds nodes for the pods that fit nowhere (and, with a
/// CapacityBuffer, for buffer seats the free capacity lacks: the autoscaler simulates the buffer's pods in its
/// memory), not beyond the pool's maximum.</item>
/// <item><b>Scale-down</b>: a node is unneeded when it is empty, or holds only placeholders (safe to evict) below the
/// utilization threshold of 0.5 that fit on the other nodes; a node with a user server is never removed (a pod no
/// controller recreates blocks it). With a CapacityBuffer, an empty node stays while the buffer needs its seats. An
/// unneeded node goes after <see cref="ClusterTimings.ScaleDownUnneededSeconds"/>, not within
/// <see cref="ClusterTimings.ScaleDownDelayAfterAddSeconds"/> of a scale-up, and not while pods wait (cluster-autoscaler
/// FAQ, "How does scale-down work?"). Its placeholders are evicted, gone.</item>
/// </list>
/// </summary>
public sealed class ClusterModel
{
    /// <summary>The autoscaler's scale-down utilization threshold (<c>scale-down-utilization-threshold</c>, default 0.5).</summary>
    public const double ScaleDownUtilization = 0.5;

    public sealed class Node(string name, double requestedAt, double readyAt, double imageAt)
    {
        public string Name { get; } = name;
        public double RequestedAt { get; } = requestedAt;
        public double ReadyAt { get; } = readyAt;
        public double ImageAt { get; } = imageAt;
        public double? RemovedAt { get; set; }
        public double? UnneededSince { get; set; }
        public List<Pod> Users { get; } = [];
        public List<Pod> Placeholders { get; } = [];
        public bool Alive => RemovedAt is null;
        public bool Ready(double t) => RemovedAt is null && ReadyAt <= t;
        public int Used => Users.Count + Placeholders.Count;
    }

    public sealed class Pod(string name, double created, int session = -1)
    {
        public string Name { get; } = name;
        public double Created { get; } = created;
        public int Session { get; } = session;
        public double ArrivedAt { get; init; }
        public double StartedAt { get; set; }
        public Node? Node { get; set; }

        private ServerPod? _server;
        private PlaceholderPod? _placeholder;

        /// <summary>The pod as the scaler lists it (kept while its node stays the same: a look lists hundreds).</summary>
        public ServerPod AsServer(string? node, Instant origin) =>
            _server is { } s && s.Node == node ? s : _server = new ServerPod(Name, node, At(origin, Created));

        public PlaceholderPod AsPlaceholder(string? node) =>
            _placeholder is { } p && p.Node == node ? p : _placeholder = new PlaceholderPod(Name, node);
    }

    private readonly Random _rng;
    private readonly ClusterTimings _timings;
    private readonly int _seats;
    private readonly int _maxNodes;
    private readonly double _pullSeconds;
    private int _nodeCounter;
    private int _podCounter;
    private double _lastScaleUp = double.NegativeInfinity;

    public ClusterModel(int seatsPerNode, int maxNodes, ClusterTimings timings, double pullSeconds, Random rng)
    {
        _seats = Math.Max(1, seatsPerNode);
        _maxNodes = Math.Max(0, maxNodes);
        _timings = timings;
        _pullSeconds = pullSeconds;
        _rng = rng;
    }

    public List<Node> Nodes { get; } = [];
    public List<Pod> PendingUsers { get; } = [];
    public List<Pod> PendingPlaceholders { get; } = [];

    /// <summary>CapacityBuffer backend: the buffer's <c>spec.replicas</c>.</summary>
    public int BufferReplicas { get; set; }

    public int SeatsPerNode => _seats;
    public int Preemptions { get; private set; }
    public List<double> Waits { get; } = [];

    public int AliveNodes => Nodes.Count(n => n.Alive);

    public Pod NewUser(double t, int session) => new($"jupyter-{++_podCounter:D6}", t, session) { ArrivedAt = t };

    public Pod NewPlaceholder(double t) => new($"placeholder-{++_podCounter:D6}", t);

    /// <summary>What the scaler lists at <paramref name="now"/> (<paramref name="origin"/> is time zero).</summary>
    public ScalerView View(Instant origin, double t)
    {
        var placeholders = new List<PlaceholderPod>();
        var servers = new List<ServerPod>();
        foreach (var n in Nodes)
        {
            if (!n.Alive) continue;
            foreach (var p in n.Placeholders) placeholders.Add(p.AsPlaceholder(n.Name));
            foreach (var u in n.Users) servers.Add(u.AsServer(n.Name, origin));
        }
        foreach (var p in PendingPlaceholders) placeholders.Add(p.AsPlaceholder(null));
        foreach (var u in PendingUsers) servers.Add(u.AsServer(null, origin));
        return new ScalerView(At(origin, t), placeholders, servers, BufferReplicas);
    }

    public static Instant At(Instant origin, double t) => origin + Duration.FromSeconds(Math.Floor(t));

    /// <summary>Applies a look's decision: placeholders created (pending) or deleted by name, or the buffer's replicas.</summary>
    public void Apply(ScalerDecision d, CapacityBackend backend, double t)
    {
        if (backend == CapacityBackend.CapacityBuffer)
        {
            BufferReplicas = d.Desired;
            return;
        }
        for (var i = 0; i < d.Create; i++) PendingPlaceholders.Add(NewPlaceholder(t));
        if (d.Delete.Count == 0) return;
        var gone = d.Delete.ToHashSet(StringComparer.Ordinal);
        PendingPlaceholders.RemoveAll(p => gone.Contains(p.Name));
        foreach (var n in Nodes) n.Placeholders.RemoveAll(p => gone.Contains(p.Name));
    }

    /// <summary>Every user of <paramref name="session"/> leaves (the session ended); those still waiting give up.</summary>
    public int EndSession(int session)
    {
        var unserved = PendingUsers.RemoveAll(u => u.Session == session);
        foreach (var n in Nodes) n.Users.RemoveAll(u => u.Session == session);
        return unserved;
    }

    /// <summary>Pending users first (priority 0), then pending placeholders (priority -10, never preempting).</summary>
    public void Schedule(double t, bool preempt, double startMin, double startMax)
    {
        for (var i = 0; i < PendingUsers.Count;)
        {
            var user = PendingUsers[i];
            var node = MostAllocatedWithRoom(t, user: true);
            if (node is null && preempt && Victim(t) is var (victimNode, victim) && victim is not null)
            {
                victimNode!.Placeholders.Remove(victim);
                node = victimNode;
                Preemptions++;
            }
            if (node is null) { i++; continue; }
            PendingUsers.RemoveAt(i);
            user.Node = node;
            node.Users.Add(user);
            var started = Math.Max(t, node.ImageAt) + Uniform(startMin, startMax);
            user.StartedAt = started;
            Waits.Add(started - user.ArrivedAt);
        }
        for (var i = 0; i < PendingPlaceholders.Count;)
        {
            var node = MostAllocatedWithRoom(t, user: false);
            if (node is null) break;
            var p = PendingPlaceholders[i];
            PendingPlaceholders.RemoveAt(i);
            p.Node = node;
            p.StartedAt = Math.Max(t, node.ReadyAt) + Uniform(1, 3);
            node.Placeholders.Add(p);
        }
    }

    /// <summary>
    /// The user scheduler's choice among ready nodes with a free seat: the highest score of NodeResourcesFit
    /// (MostAllocated: seats requested with this pod, in percent, truncated; weight 121) plus, for a user server,
    /// ImageLocality (100 on a node that already has the user image, 0 on one still pulling it; weight 11), the
    /// weights z2jh 4.4.0 sets (values.yaml, scheduling.userScheduler.plugins.score). Ties at random.
    /// </summary>
    private Node? MostAllocatedWithRoom(double t, bool user)
    {
        Node? best = null;
        var bestScore = long.MinValue;
        var ties = 0;
        foreach (var n in Nodes)
        {
            if (!n.Ready(t) || n.Used >= _seats) continue;
            var score = 121L * ((n.Used + 1) * 100L / _seats) + (user && n.ImageAt <= t ? 11L * 100 : 0);
            if (score > bestScore) { best = n; bestScore = score; ties = 1; }
            else if (score == bestScore && _rng.Next(++ties) == 0) best = n;
        }
        return best;
    }

    /// <summary>pickOneNodeForPreemption among nodes with one placeholder victim each: the latest-started victim; ties at random.</summary>
    private (Node? Node, Pod? Pod) Victim(double t)
    {
        Pod? best = null;
        Node? bestNode = null;
        var ties = 0;
        foreach (var n in Nodes)
        {
            if (!n.Ready(t) || n.Placeholders.Count == 0) continue;
            var v = n.Placeholders[0];
            foreach (var p in n.Placeholders) if (p.StartedAt > v.StartedAt) v = p;
            var vs = Math.Floor(v.StartedAt); // start times are kept to the second (metav1.Time)
            if (best is null || vs > Math.Floor(best.StartedAt)) { best = v; bestNode = n; ties = 1; }
            else if (vs == Math.Floor(best.StartedAt) && _rng.Next(++ties) == 0) { best = v; bestNode = n; }
        }
        return (bestNode, best);
    }

    private int FreeReadySeats(double t, Node? except = null)
    {
        var free = 0;
        foreach (var n in Nodes)
            if (n != except && n.Ready(t)) free += _seats - n.Used;
        return free;
    }

    /// <summary>One scan of the cluster autoscaler: scale up for what fits nowhere, then scale down what is unneeded.</summary>
    public void Autoscale(double t, CapacityBackend backend)
    {
        var pending = PendingUsers.Count + PendingPlaceholders.Count;
        var booting = Nodes.Count(n => n.Alive && n.ReadyAt > t);
        var bufferShort = backend == CapacityBackend.CapacityBuffer ? Math.Max(0, BufferReplicas - FreeReadySeats(t)) : 0;
        var needed = (int)Math.Ceiling((pending + bufferShort - (double)booting * _seats) / _seats);
        var add = Math.Min(needed, _maxNodes - AliveNodes);
        for (var i = 0; i < add; i++)
        {
            var requested = t + Uniform(0, _timings.DecisionLatencyMaxSeconds);
            var ready = requested + Uniform(_timings.BootMinSeconds, _timings.BootMaxSeconds);
            Nodes.Add(new Node($"node-{++_nodeCounter:D4}", requested, ready, ready + _pullSeconds));
            _lastScaleUp = t;
        }

        foreach (var n in Nodes)
        {
            if (!n.Alive) continue;
            if (!n.Ready(t) || pending > 0 || !Unneeded(n, t, backend))
            {
                n.UnneededSince = null;
                continue;
            }
            n.UnneededSince ??= t;
            if (t - n.UnneededSince >= _timings.ScaleDownUnneededSeconds && t - _lastScaleUp >= _timings.ScaleDownDelayAfterAddSeconds)
            {
                n.RemovedAt = t;
                n.Placeholders.Clear();
            }
        }
    }

    private bool Unneeded(Node n, double t, CapacityBackend backend)
    {
        if (n.Users.Count > 0) return false;
        if (n.Placeholders.Count == 0)
            return backend != CapacityBackend.CapacityBuffer || FreeReadySeats(t, n) >= BufferReplicas;
        return (double)n.Placeholders.Count / _seats < ScaleDownUtilization && FreeReadySeats(t, n) >= n.Placeholders.Count;
    }

    private double Uniform(double from, double to) => from + _rng.NextDouble() * Math.Max(0, to - from);
}
