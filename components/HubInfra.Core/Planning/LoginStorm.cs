using System.Globalization;
using HubInfra.Core.Model;
using HubInfra.Core.Scaling;

namespace HubInfra.Core.Planning;

/// <summary>
/// What a hub needs to hold an event's login storm, derived from the event's peak seats and arrival rate. The
/// formulas (also shown by <c>plan</c>, see <see cref="Formulas"/>):
/// <list type="bullet">
/// <item>arrivals per minute = peak seats × the densest share per minute of the arrival curve (70% over 25 minutes:
/// 2.8% a minute);</item>
/// <item><c>hub.concurrentSpawnLimit</c> = max(64, ⌈arrivals per minute × 4 (burst: a room told "log in now") × 1 minute
/// (spawn budget on a warm node: start and home-volume attach)⌉); beyond it JupyterHub answers 429;</item>
/// <item><c>hub.activeServerLimit</c> (the event's own hub only) = peak seats + one node's seats (late headroom);</item>
/// <item><c>singleuser.startTimeout</c> = max(300, the slowest start rounded up to a minute: autoscaler scan and
/// decision (20 s) + node boot (120 s) + image pull (5 min; none with a preloaded disk) + 60 s start);</item>
/// <item><c>hub.consecutiveFailureLimit</c> = max(5, the spawn limit): failures in a storm come in batches as large as
/// the spawns in flight, and the hub must not restart itself over one batch;</item>
/// <item>requests (the chart sets none): hub CPU = min(1, 0.25 + peak/1000) (JupyterHub is one Python process: more
/// than a core is not used), memory = 512 MiB + 2 MiB × peak; proxy (configurable-http-proxy) CPU = min(1, 0.1 +
/// peak/2000), memory = 128 MiB + 0.5 MiB × peak; CPU rounded up to 0.05, memory to 64 MiB. These two are
/// assumptions (no published sizing); measure under load and override in <c>loginStorm</c>.</item>
/// </list>
/// </summary>
public sealed record LoginStorm(
    int PeakSeats,
    double ArrivalsPerMinute,
    int ConcurrentSpawnLimit,
    int? ActiveServerLimit,
    int StartTimeoutSeconds,
    int ConsecutiveFailureLimit,
    double HubCpu,
    Memory HubMemory,
    double ProxyCpu,
    Memory ProxyMemory)
{
    public const int ChartConcurrentSpawnLimit = 64;
    public const int ChartConsecutiveFailureLimit = 5;
    public const int ChartStartTimeoutSeconds = 300;
    public const double BurstFactor = 4;
    public const double SpawnBudgetMinutes = 1;

    public static LoginStorm For(int peakSeats, int seatsPerNode, bool ownHub, bool preloaded, ArrivalCurve? curve = null, ClusterTimings? timings = null)
    {
        curve ??= ArrivalCurve.Default;
        timings ??= ClusterTimings.Default;
        var densest = curve.Bands.Max(b => b.Share / Math.Max(1, (b.ToSeconds - b.FromSeconds) / 60)) / curve.Bands.Sum(b => b.Share);
        var perMinute = peakSeats * densest;
        var spawn = Math.Max(ChartConcurrentSpawnLimit, (int)Math.Ceiling(perMinute * BurstFactor * SpawnBudgetMinutes - 1e-9));
        var pull = preloaded ? 0 : ClusterTimings.DefaultPullMinutes * 60;
        var slowest = timings.ScanIntervalSeconds + timings.DecisionLatencyMaxSeconds + timings.BootMaxSeconds + pull + 60;
        var timeout = Math.Max(ChartStartTimeoutSeconds, (int)Math.Ceiling(slowest / 60) * 60);
        return new LoginStorm(
            peakSeats,
            Math.Round(perMinute, 1),
            spawn,
            ownHub ? peakSeats + Math.Max(0, seatsPerNode) : null,
            timeout,
            Math.Max(ChartConsecutiveFailureLimit, spawn),
            Cpu(Math.Min(1, 0.25 + peakSeats / 1000.0)),
            Mem(512 + 2.0 * peakSeats),
            Cpu(Math.Min(1, 0.1 + peakSeats / 2000.0)),
            Mem(128 + 0.5 * peakSeats));
    }

    private static double Cpu(double cores) => Math.Ceiling(cores * 20 - 1e-9) / 20;

    private static Memory Mem(double mib) => new((long)(Math.Ceiling(mib / 64 - 1e-9) * 64) * Memory.MiB);

    /// <summary>As hub settings (for a workshop hub's values).</summary>
    public HubStormSettings AsSettings() =>
        new(ConcurrentSpawnLimit, ActiveServerLimit, ConsecutiveFailureLimit, StartTimeoutSeconds, HubCpu, HubMemory, ProxyCpu, ProxyMemory);

    /// <summary>Each setting with the formula that gave it, for <c>plan</c>.</summary>
    public IReadOnlyList<string> Formulas()
    {
        string N(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"arrivals per minute = {PeakSeats} peak seats × 2.8% (70% in 25 min) = {N(ArrivalsPerMinute)}",
            $"hub.concurrentSpawnLimit = max(64, ⌈{N(ArrivalsPerMinute)} × {N(BurstFactor)} burst × {N(SpawnBudgetMinutes)} min⌉) = {ConcurrentSpawnLimit}",
        };
        if (ActiveServerLimit is { } active)
            lines.Add($"hub.activeServerLimit = {PeakSeats} peak seats + one node's seats = {active}");
        lines.Add($"singleuser.startTimeout = max(300, scan + decision + boot + pull + start, rounded up to a minute) = {StartTimeoutSeconds}");
        lines.Add($"hub.consecutiveFailureLimit = max(5, spawn limit) = {ConsecutiveFailureLimit}");
        lines.Add($"hub requests = {N(HubCpu)} CPU (min(1, 0.25 + peak/1000)), {HubMemory} (512Mi + 2Mi × peak)");
        lines.Add($"proxy.chp requests = {N(ProxyCpu)} CPU (min(1, 0.1 + peak/2000)), {ProxyMemory} (128Mi + 0.5Mi × peak)");
        return lines;
    }
}
