using HubInfra.Core.Values;

namespace HubInfra.Core.Planning;

/// <summary>
/// The one field HubInfra sets on an object the z2jh chart creates: <c>spec.externalTrafficPolicy: Local</c> on the
/// proxy's public Service (<see cref="ChartObjects.ProxyPublic"/>) of a workshop hub with the login throttle, so that
/// the proxy sees, and the hub keys its throttle on, each client's own address.
/// </summary>
/// <remarks>
/// Kubernetes (ServiceSpec.externalTrafficPolicy, API reference): with <c>Cluster</c> (the default) a node may forward
/// load-balancer traffic to a pod on another node and masquerades the client's source address, so the proxy sees node
/// addresses; with <c>Local</c> each node delivers only to its own endpoints "without masquerading the client source
/// IP", and the Service gets a <c>healthCheckNodePort</c> through which the cloud load balancer learns which nodes
/// hold an endpoint (kubernetes.io/docs/tasks/access-application-cluster/create-external-load-balancer, "Preserving
/// the client source IP"). GKE ("About LoadBalancer Services", "Effect of externalTrafficPolicy") sends the external
/// passthrough Network Load Balancer's traffic only to nodes whose health check passes, i.e. nodes running a ready
/// proxy pod. Costs: the chart runs one proxy pod (CHP, or Traefik with autohttps), so all traffic reaches one node
/// either way and nothing is lost in spreading; when that pod moves (an upgrade, a drained node) the load balancer
/// needs its health checks to find the new node, seconds on top of the pod's own restart. The chart's values cannot
/// set the field (see <see cref="ChartObjects.ProxyPublic"/>), so the deployment patches the Service after the release.
/// </remarks>
public sealed record ProxyServicePatch(string Namespace, string ServiceName, string ExternalTrafficPolicy)
{
    public const string Local = "Local";

    /// <summary>The patch for this hub, or null: only a LoadBalancer proxy of a hub whose values carry the login throttle.</summary>
    public static ProxyServicePatch? For(HubPlan hub)
    {
        var values = hub.Values;
        var extra = (values.GetValueOrDefault("hub") as Dictionary<string, object?>)?.GetValueOrDefault("extraConfig") as Dictionary<string, object?>;
        var service = ((values.GetValueOrDefault("proxy") as Dictionary<string, object?>)?.GetValueOrDefault("service")) as Dictionary<string, object?>;
        if (extra is null || !extra.ContainsKey(WorkshopAuthValues.ThrottleConfigKey)
            || service?.GetValueOrDefault("type") is not "LoadBalancer"
            || !ChartObjects.ProxyPublic.CreatedBy(values))
            return null;
        return new ProxyServicePatch(hub.Namespace, ChartObjects.ProxyPublic.NameFor(hub.ReleaseName), Local);
    }
}
