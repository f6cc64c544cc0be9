using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace HubInfra.Components;

/// <summary>
/// The arguments of every Kubernetes provider HubInfra creates (a community's cluster, an event's view of it, a local
/// context). Pulumi.Kubernetes 4.29 and later create an object with a plain create, so one that already exists fails
/// with AlreadyExists instead of being silently taken over; <c>upsertExistingObjects</c> would restore the takeover, and
/// the provider reads it from <c>PULUMI_K8S_UPSERT_EXISTING_OBJECTS</c> when the program does not set it. HubInfra sets
/// it to false: an object it did not create (a namespace GKE made, another stack's) is never adopted and later deleted
/// by <c>pulumi destroy</c>; every object HubInfra creates has a name it owns instead (README, "Objects that may
/// already exist").
/// </summary>
public static class KubernetesProviders
{
    public static K8s.ProviderArgs ForKubeconfig(Input<string> kubeconfig) =>
        new() { KubeConfig = kubeconfig, UpsertExistingObjects = false };

    public static K8s.ProviderArgs ForContext(string context) =>
        new() { Context = context, UpsertExistingObjects = false };
}
