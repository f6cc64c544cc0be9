namespace HubInfra.Core.Planning.Document;

/// <summary>An amount of money with its currency and where the prices come from.</summary>
public sealed record CostDocument(decimal Amount, string Currency, string PricesAsOf, string Basis);
