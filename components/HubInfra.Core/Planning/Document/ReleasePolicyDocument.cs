namespace HubInfra.Core.Planning.Document;

/// <summary>
/// The release policy: each window's arrival phase ends once arrivals stall (<see cref="Stall"/>), at the latest
/// <see cref="AfterMinutes"/> after its start; then the warm seats shrink to the servers of those who came plus
/// <see cref="HeadroomSeats"/> free seats (the stack key <c>lateHeadroomSeats</c>). With placeholder pods,
/// <see cref="ArrivalSlots"/> warm seats are left free where attendees already are while they arrive.
/// </summary>
public sealed record ReleasePolicyDocument(int AfterMinutes, int HeadroomSeats, StallDocument Stall, int ArrivalSlots);

/// <summary>Arrivals stall after <see cref="Minutes"/> without anyone new, once <see cref="MinShare"/> of the seats are taken.</summary>
public sealed record StallDocument(int Minutes, double MinShare);
