namespace HubInfra.Core.Planning.Document;

/// <summary>Node-hours and cost expected with <see cref="NoShowFraction"/> of the seats empty (beside the upper bound).</summary>
public sealed record ExpectedDocument(double NoShowFraction, double NodeHours, decimal Cost);
