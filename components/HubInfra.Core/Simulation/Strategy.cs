namespace HubInfra.Core.Simulation;

/// <summary>How capacity is provided for a window.</summary>
public enum Strategy
{
    /// <summary>Nothing warm: every node is added by the cluster autoscaler when users are already waiting.</summary>
    NoPrewarm,

    /// <summary>The event's plan: its scaler keeps the warm seats its <see cref="Scaling.ScalerSpec"/> says.</summary>
    Plan,
}
