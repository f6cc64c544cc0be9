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
public sealed class EventCapacity : HubInfraComponent
{
    /// <param name="options">The Kubernetes provider of the community's cluster; waits for the event's node pool and workshop hub.</param>
    public EventCapacity(string name, EventCapacityArgs args, ComponentResourceOptions options)
        : base(nameof(EventCapacity), name, options, new Alias { Type = "hubinfra:event:Capacity" })
    {
        Manifests = EventManifests.Yaml(args.Plan);
        Objects = new K8s.Yaml.V2.ConfigGroup(name, new K8s.Types.Inputs.Yaml.V2.ConfigGroupArgs
        {
            Yaml = Manifests,
        }, ChildComponent());
        RegisterOutputs();
    }

    /// <summary>The multi-document YAML applied (identical to what <c>render</c> writes).</summary>
    public string Manifests { get; }

    public K8s.Yaml.V2.ConfigGroup Objects { get; }
}
