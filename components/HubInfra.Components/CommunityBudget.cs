using System.Globalization;
using HubInfra.Core.Model;
using Pulumi;
using Gcp = Pulumi.Gcp;
using BillingInputs = Pulumi.Gcp.Billing.Inputs;

namespace HubInfra.Components;

/// <summary>
/// A billing budget on the community's project that e-mails at each threshold. The Billing Budgets API needs a quota
/// project when called with user credentials (else 403 "requires a quota project"), so the budget and its notification
/// channels use their own provider that bills API calls to the community's project (<c>billingProject</c> with
/// <c>userProjectOverride</c>).
/// </summary>
public sealed class CommunityBudget : HubInfraComponent
{
    public CommunityBudget(string name, CommunityBudgetArgs args, ComponentResourceOptions? options = null)
        : base(nameof(CommunityBudget), name, options, new Alias { Type = "hubinfra:billing:Budget" })
    {
        var (budget, project) = (args.Budget, args.Project);
        Provider = new Gcp.Provider($"{name}-billing", new Gcp.ProviderArgs
        {
            Project = project,
            BillingProject = project,
            UserProjectOverride = true,
        }, Child());
        var child = Child();
        child.Provider = Provider;
        var channels = budget.Emails.Select((email, i) => new Gcp.Monitoring.NotificationChannel($"{name}-email-{i}", new Gcp.Monitoring.NotificationChannelArgs
        {
            Project = project,
            Type = "email",
            DisplayName = $"Budget alerts: {email}",
            Labels = { { "email_address", email } },
        }, child)).ToList();

        // Budgets filter by project number, not id.
        var projectNumber = Gcp.Organizations.GetProject.Invoke(new Gcp.Organizations.GetProjectInvokeArgs { ProjectId = project }, new InvokeOptions { Parent = this, Provider = Provider })
            .Apply(p => $"projects/{p.Number}");
        var units = Math.Floor(budget.Amount);
        var budgetArgs = new Gcp.Billing.BudgetArgs
        {
            BillingAccount = budget.BillingAccount,
            DisplayName = $"{project} (hubinfra)",
            BudgetFilter = new BillingInputs.BudgetBudgetFilterArgs { Projects = { projectNumber } },
            Amount = new BillingInputs.BudgetAmountArgs
            {
                SpecifiedAmount = new BillingInputs.BudgetAmountSpecifiedAmountArgs
                {
                    CurrencyCode = budget.Currency,
                    Units = units.ToString(CultureInfo.InvariantCulture),
                    Nanos = (int)Math.Round((budget.Amount - units) * 1e9),
                },
            },
            AllUpdatesRule = new BillingInputs.BudgetAllUpdatesRuleArgs
            {
                MonitoringNotificationChannels = channels.Select(c => c.Id).ToList(),
            },
        };
        foreach (var threshold in budget.Thresholds)
            budgetArgs.ThresholdRules.Add(new BillingInputs.BudgetThresholdRuleArgs { ThresholdPercent = threshold });
        Budget = new Gcp.Billing.Budget(name, budgetArgs, child);
        RegisterOutputs();
    }

    public Gcp.Billing.Budget Budget { get; }

    public Gcp.Provider Provider { get; }
}
