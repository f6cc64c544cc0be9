using NodaTime;

namespace HubInfra.Core.Scaling;

/// <summary>A placeholder pod as the scaler lists it: its name and its node (null while pending).</summary>
public sealed record PlaceholderPod(string Name, string? Node);

/// <summary>A user server pod of the hub as the scaler lists it: name, node (null while pending) and creation time.</summary>
public sealed record ServerPod(string Name, string? Node, Instant? Created);

/// <summary>
/// What one look of the scaler sees: the time, the live placeholders (neither being deleted nor finished), the hub's
/// servers that are not finished, and the CapacityBuffer's current <c>spec.replicas</c> (capacityBuffer backend).
/// </summary>
public sealed record ScalerView(Instant Now, IReadOnlyList<PlaceholderPod> Placeholders, IReadOnlyList<ServerPod> Servers, int BufferReplicas = 0);

/// <summary>
/// What one look decides: the phase (null outside the warm windows), the attendees counted, whether the window is
/// releasing (release phase, or arrivals stalled), the warm seats wanted, and the placeholders (or buffer replicas) to
/// keep: <see cref="Create"/> more, or the <see cref="Delete"/> names, in order.
/// </summary>
public sealed record ScalerDecision(
    ScalerPhase? Phase,
    int Attendees,
    bool Releasing,
    int WarmSeats,
    int Desired,
    int Current,
    int Create,
    IReadOnlyList<string> Delete)
{
    public bool Stalled => Phase is { IsArrival: true } && Releasing;
}
