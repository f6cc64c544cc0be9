namespace HubInfra.Core.Scaling;

/// <summary>
/// How an event's warm seats are held (<c>hubinfra:capacity.backend</c> of the community stack).
/// <list type="bullet">
/// <item><see cref="Placeholders"/>: low-priority pause pods that the scaler creates and deletes; an attendee who finds no
/// free seat preempts one.</item>
/// <item><see cref="CapacityBuffer"/>: the cluster autoscaler's CapacityBuffer (<c>autoscaling.x-k8s.io/v1beta1</c>): the
/// autoscaler keeps room for <c>spec.replicas</c> seats as free capacity; the scaler only patches that number.</item>
/// </list>
/// </summary>
public enum CapacityBackend
{
    Placeholders,
    CapacityBuffer,
}

public static class CapacityBackends
{
    /// <summary>The name in stack files, plan documents and the scaler's environment.</summary>
    public static string Name(this CapacityBackend backend) => backend switch
    {
        CapacityBackend.CapacityBuffer => "capacityBuffer",
        _ => "placeholders",
    };

    public static CapacityBackend? Parse(string text) => text switch
    {
        "placeholders" => CapacityBackend.Placeholders,
        "capacityBuffer" => CapacityBackend.CapacityBuffer,
        _ => null,
    };
}
