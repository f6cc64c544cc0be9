namespace HubInfra.Core.Planning.Document;

/// <summary>
/// One warm window of an event: its local and UTC times (RFC 3339), its seats and nodes, node-hours and cost (upper
/// bound: every planned seat used from warm-up to cool-down) and its two phases.
/// </summary>
public sealed record WindowDocument(
    string Source,
    string Start,
    string End,
    string StartUtc,
    string EndUtc,
    string WarmFrom,
    string WarmFromUtc,
    string CoolAt,
    string CoolAtUtc,
    int Attendees,
    int Seats,
    int Nodes,
    double NodeHours,
    decimal Cost,
    ArrivalPhaseDocument Arrival,
    ReleasePhaseDocument Release);

/// <summary>From warm-up until the release: every seat of the planned nodes is warm.</summary>
public sealed record ArrivalPhaseDocument(string From, string Until, int WarmSeats, int Nodes, double NodeHours, decimal Cost);

/// <summary>From the release until cool-down: at most <see cref="HeadroomSeats"/> free seats beyond those who came.</summary>
public sealed record ReleasePhaseDocument(string From, string Until, int HeadroomSeats, int HeadroomNodes, double NodeHours, decimal Cost);
