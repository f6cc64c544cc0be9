namespace HubInfra.Core.Simulation;

/// <summary>How capacity is provided for a window.</summary>
public enum Strategy
{
    /// <summary>No placeholders: every node is added by the cluster autoscaler when users are already waiting.</summary>
    NoPrewarm,

    /// <summary>The event's plan: placeholders for the planned seats from warm-up, tracked and released as the policy says.</summary>
    Plan,
}
