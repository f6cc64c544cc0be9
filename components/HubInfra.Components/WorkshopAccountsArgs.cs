using HubInfra.Core.Model;

namespace HubInfra.Components;

/// <summary>The inputs of <see cref="WorkshopAccounts"/>: the workshop hub's settings (its accounts or shared password).</summary>
public sealed record WorkshopAccountsArgs(HubSettings Hub);
