namespace HubInfra.Core.Planning.Document;

/// <summary>What the peak needs of the region's Compute Engine quotas, and which events overlap at that peak.</summary>
public sealed record QuotaDocument(
    string Region,
    IReadOnlyDictionary<string, long> CpusByFamily,
    IReadOnlyDictionary<string, long> GpusByType,
    long SsdGb,
    long InUseAddresses,
    IReadOnlyList<string> OverlappingEvents);
