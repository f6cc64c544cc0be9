using HubInfra.Core.Model;
using static HubInfra.Core.Yaml.ValueTree;

namespace HubInfra.Core.Values;

/// <summary>Writes a hub's login-storm settings into its z2jh values; keys left unset keep the chart's defaults.</summary>
public static class LoginStormValues
{
    public static void Apply(HubStormSettings s, Dictionary<string, object?> values)
    {
        var hub = Section(values, "hub");
        if (s.ConcurrentSpawnLimit is { } spawn) hub["concurrentSpawnLimit"] = spawn;
        if (s.ActiveServerLimit is { } active) hub["activeServerLimit"] = active;
        if (s.ConsecutiveFailureLimit is { } failures) hub["consecutiveFailureLimit"] = failures;
        if (Requests(s.HubCpu, s.HubMemory) is { } hubRequests) hub["resources"] = Map(("requests", hubRequests));
        if (Requests(s.ProxyCpu, s.ProxyMemory) is { } proxyRequests)
            Section(Section(values, "proxy"), "chp")["resources"] = Map(("requests", proxyRequests));
        if (s.StartTimeoutSeconds is { } timeout) Section(values, "singleuser")["startTimeout"] = timeout;
    }

    private static Dictionary<string, object?>? Requests(double? cpu, Memory? memory)
    {
        if (cpu is null && memory is null) return null;
        var r = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (cpu is { } c) r["cpu"] = c;
        if (memory is { } m) r["memory"] = m.ToQuantity();
        return r;
    }

    private static Dictionary<string, object?> Section(Dictionary<string, object?> parent, string key)
    {
        if (parent.TryGetValue(key, out var existing) && existing is Dictionary<string, object?> d) return d;
        var created = new Dictionary<string, object?>(StringComparer.Ordinal);
        parent[key] = created;
        return created;
    }
}
