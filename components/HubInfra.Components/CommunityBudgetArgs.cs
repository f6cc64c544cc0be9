using HubInfra.Core.Model;

namespace HubInfra.Components;

/// <summary>The inputs of a <see cref="CommunityBudget"/>: the budget's settings and the community's project.</summary>
public sealed record CommunityBudgetArgs(BudgetSettings Budget, string Project);
