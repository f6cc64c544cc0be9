namespace HubInfra.Core.Model;

/// <summary>A Google Cloud region GKE runs in: its name, where it is, and the IANA time zone of that place.</summary>
public sealed record GkeRegion(string Name, string Location, string TimeZone);
