namespace HubInfra.Core.Planning.Document;

/// <summary>How often the scaler follows arrivals.</summary>
public sealed record TrackingDocument(int IntervalSeconds);
