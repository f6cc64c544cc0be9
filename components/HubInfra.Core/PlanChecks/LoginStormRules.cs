using System.Globalization;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;

namespace HubInfra.Core.PlanChecks;

/// <summary>
/// For an event on a community hub: which of the hub's login-storm settings are too low for the event's storm
/// (<see cref="LoginStorm"/>), as warnings naming the community stack's key to raise and the value to set. The event
/// stack cannot change a community hub's values, so the community stack must. A workshop hub gets them derived.
/// </summary>
public static class LoginStormRules
{
    private const string EventHubKey = "hubinfra:event.hub";

    /// <param name="communityFile">The community stack file as the user named it (messages say where to raise a setting).</param>
    public static IReadOnlyList<Problem> Check(EventPlan plan, string communityFile)
    {
        var problems = new List<Problem>();
        if (plan.Storm is not { } need || plan.Hub.Workshop is not null || plan.LocalCluster) return problems;
        var hub = plan.Hub;
        var have = hub.Storm ?? HubStormSettings.None;
        var file = communityFile;

        var low = new List<(string Z2jh, string Current, string Needed)>();
        var set = new List<string>();
        var hubSet = new List<string>();
        var proxySet = new List<string>();
        string I(int v) => v.ToString(CultureInfo.InvariantCulture);
        string D(double v) => v.ToString("0.##", CultureInfo.InvariantCulture);

        var spawn = have.ConcurrentSpawnLimit ?? LoginStorm.ChartConcurrentSpawnLimit;
        if (spawn < need.ConcurrentSpawnLimit)
        {
            low.Add(("hub.concurrentSpawnLimit", I(spawn), I(need.ConcurrentSpawnLimit)));
            set.Add($"concurrentSpawnLimit: {I(need.ConcurrentSpawnLimit)}");
        }
        if (have.ActiveServerLimit is { } active && active < plan.PeakSeats)
        {
            low.Add(("hub.activeServerLimit", I(active), $"{I(plan.PeakSeats)} + the community's own users"));
            set.Add($"activeServerLimit: {I(plan.PeakSeats)}");
        }
        var timeout = have.StartTimeoutSeconds ?? LoginStorm.ChartStartTimeoutSeconds;
        if (timeout < need.StartTimeoutSeconds)
        {
            low.Add(("singleuser.startTimeout", I(timeout), I(need.StartTimeoutSeconds)));
            set.Add($"startTimeoutSeconds: {I(need.StartTimeoutSeconds)}");
        }
        var failures = have.ConsecutiveFailureLimit ?? LoginStorm.ChartConsecutiveFailureLimit;
        if (failures > 0 && failures < need.ConsecutiveFailureLimit)
        {
            low.Add(("hub.consecutiveFailureLimit", I(failures), I(need.ConsecutiveFailureLimit)));
            set.Add($"consecutiveFailureLimit: {I(need.ConsecutiveFailureLimit)}");
        }
        if (have.HubCpu is not { } hubCpu || hubCpu < need.HubCpu)
        {
            low.Add(("hub.resources.requests.cpu", have.HubCpu is { } c ? D(c) : "unset", D(need.HubCpu)));
            hubSet.Add($"cpu: {D(need.HubCpu)}");
        }
        if (have.HubMemory is not { } hubMemory || hubMemory.Bytes < need.HubMemory.Bytes)
        {
            low.Add(("hub.resources.requests.memory", have.HubMemory?.ToQuantity() ?? "unset", need.HubMemory.ToQuantity()));
            hubSet.Add($"memory: {need.HubMemory.ToQuantity()}");
        }
        if (have.ProxyCpu is not { } proxyCpu || proxyCpu < need.ProxyCpu)
        {
            low.Add(("proxy.chp.resources.requests.cpu", have.ProxyCpu is { } p ? D(p) : "unset", D(need.ProxyCpu)));
            proxySet.Add($"cpu: {D(need.ProxyCpu)}");
        }
        if (have.ProxyMemory is not { } proxyMemory || proxyMemory.Bytes < need.ProxyMemory.Bytes)
        {
            low.Add(("proxy.chp.resources.requests.memory", have.ProxyMemory?.ToQuantity() ?? "unset", need.ProxyMemory.ToQuantity()));
            proxySet.Add($"memory: {need.ProxyMemory.ToQuantity()}");
        }
        if (low.Count == 0) return problems;
        if (hubSet.Count > 0) set.Add($"hub: {{ {string.Join(", ", hubSet)} }}");
        if (proxySet.Count > 0) set.Add($"proxy: {{ {string.Join(", ", proxySet)} }}");
        problems.Add(new Problem(EventHubKey,
            $"hub '{hub.Name}' of {plan.Event.CommunityStack} is too weak for this event's login storm ({plan.PeakSeats} seats, about " +
            $"{need.ArrivalsPerMinute.ToString("0.#", CultureInfo.InvariantCulture)} arrivals a minute): " +
            string.Join(", ", low.Select(l => $"{l.Z2jh} is {l.Current}, needs {l.Needed}")) +
            $"; raise them in {file} under {hub.Key}.loginStorm: {{ {string.Join(", ", set)} }} (keep any larger value already there)",
            Severity.Warning));
        return problems;
    }
}
