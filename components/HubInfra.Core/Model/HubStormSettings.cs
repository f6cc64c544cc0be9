namespace HubInfra.Core.Model;

/// <summary>
/// A hub's settings for a login storm (<c>hubs[i].loginStorm</c>), each the z2jh key named in its comment; unset
/// keys keep the chart's defaults. A community hub sets them itself (an event stack cannot change them); a workshop
/// hub gets them derived from its event (<see cref="Planning.LoginStorm"/>), and what is set here wins.
/// </summary>
public sealed record HubStormSettings(
    int? ConcurrentSpawnLimit, // hub.concurrentSpawnLimit
    int? ActiveServerLimit, // hub.activeServerLimit
    int? ConsecutiveFailureLimit, // hub.consecutiveFailureLimit
    int? StartTimeoutSeconds, // singleuser.startTimeout
    double? HubCpu, // hub.resources.requests.cpu
    Memory? HubMemory, // hub.resources.requests.memory
    double? ProxyCpu, // proxy.chp.resources.requests.cpu
    Memory? ProxyMemory) // proxy.chp.resources.requests.memory
{
    public static HubStormSettings None { get; } = new(null, null, null, null, null, null, null, null);

    /// <summary>These settings, with <paramref name="over"/>'s set keys replacing them.</summary>
    public HubStormSettings With(HubStormSettings? over) => over is null ? this : new(
        over.ConcurrentSpawnLimit ?? ConcurrentSpawnLimit,
        over.ActiveServerLimit ?? ActiveServerLimit,
        over.ConsecutiveFailureLimit ?? ConsecutiveFailureLimit,
        over.StartTimeoutSeconds ?? StartTimeoutSeconds,
        over.HubCpu ?? HubCpu,
        over.HubMemory ?? HubMemory,
        over.ProxyCpu ?? ProxyCpu,
        over.ProxyMemory ?? ProxyMemory);
}
