namespace HubInfra.Core.Model;

/// <summary>What a stack file deploys (config key <c>hubinfra:kind</c>).</summary>
public enum StackKind
{
    /// <summary>A community's GKE cluster, node pools and hubs.</summary>
    Community,

    /// <summary>Capacity (and optionally a workshop hub) for an event on a community's cluster.</summary>
    Event,

    /// <summary>Only the Kubernetes half (hubs) into an existing kubeconfig context: kind, minikube, k3d.</summary>
    Local,
}
