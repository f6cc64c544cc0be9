using HubInfra.Core.Planning;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace HubInfra.Components;

/// <summary>
/// The warm capacity of an event: applies exactly the Kubernetes objects the core builds (<see cref="EventManifests"/>:
/// the event's namespace, the placeholders' PriorityClass, the scaler with its ConfigMap (schedule, script and the
/// placeholder pod template it creates placeholders from) and least-privilege RBAC) as one <c>kubernetes:yaml/v2:ConfigGroup</c>. <c>render</c> writes the same text to
/// <c>event/manifests.yaml</c>; there is no second, hand-mapped copy to drift.
/// </summary>
public sealed class EventCapacity : ComponentResource
{
    public EventCapacity(string name, EventPlan plan, ComponentResourceOptions options)
        : base("hubinfra:event:Capacity", name, options)
    {
        Manifests = EventManifests.Yaml(plan);
        Objects = new K8s.Yaml.V2.ConfigGroup(name, new K8s.Types.Inputs.Yaml.V2.ConfigGroupArgs
        {
            Yaml = Manifests,
        }, new ComponentResourceOptions { Parent = this });
        RegisterOutputs();
    }

    /// <summary>The multi-document YAML applied (identical to what <c>render</c> writes).</summary>
    public string Manifests { get; }

    public K8s.Yaml.V2.ConfigGroup Objects { get; }
}
