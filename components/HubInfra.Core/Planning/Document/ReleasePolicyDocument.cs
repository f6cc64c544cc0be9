namespace HubInfra.Core.Planning.Document;

/// <summary>
/// The release policy: <see cref="AfterMinutes"/> after each start the warm seats shrink to the servers of those who
/// came plus <see cref="HeadroomSeats"/> free seats (the stack key <c>lateHeadroomSeats</c>).
/// </summary>
public sealed record ReleasePolicyDocument(int AfterMinutes, int HeadroomSeats, StallDocument Stall, int ArrivalSlots);
