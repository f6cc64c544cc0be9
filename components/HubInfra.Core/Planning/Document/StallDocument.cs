namespace HubInfra.Core.Planning.Document;

/// <summary>A window's arrival phase ends early once nobody new came for <see cref="Minutes"/> with <see cref="MinShare"/> of its seats taken.</summary>
public sealed record StallDocument(int Minutes, double MinShare);
