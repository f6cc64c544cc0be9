namespace HubInfra.Core.Simulation;

/// <summary>
/// One simulated minute of a window: minutes from the window's start (negative while warming up), attendees present
/// (running or waiting), warm seats (seats on ready nodes that no attendee uses) and nodes (booting or up).
/// </summary>
public sealed record TimelinePoint(double Minute, int Attendees, int WarmSeats, int Nodes);
