namespace HubInfra.Core.Model;

/// <summary>A Cloud Billing budget on the community's project, e-mailing at each threshold (fractions of the amount).</summary>
public sealed record BudgetSettings(string BillingAccount, double Amount, string Currency, IReadOnlyList<double> Thresholds, IReadOnlyList<string> Emails);
