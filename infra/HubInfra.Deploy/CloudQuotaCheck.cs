using System.Globalization;
using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using Pulumi;
using Gcp = Pulumi.Gcp;

namespace HubInfra.Deploy;

/// <summary>
/// Looks up the project's real regional quotas in Cloud Quotas (the <c>gcp.cloudquota.getSQuotaInfo</c> data source;
/// needs cloudquotas.googleapis.com and cloudquotas.quotas.get) and fails, before any resource, when the peak
/// (<see cref="RegionalQuota"/>) needs more than the project has. It runs on every run of the program, preview
/// (<c>Deployment.Instance.IsDryRun</c>) and update alike, so <c>pulumi up --skip-preview</c> is checked too.
/// </summary>
public static class CloudQuotaCheck
{
    public const string Service = "compute.googleapis.com";

    /// <param name="who">Whose peak it is, for the message: "the node pools at their maxNodeCount" or "event X at its peak".</param>
    public static async Task RunAsync(string project, RegionalQuota peak, string who)
    {
        var excess = new List<string>();
        foreach (var use in peak.Uses())
        {
            var info = await Gcp.CloudQuota.GetSQuotaInfo.InvokeAsync(new Gcp.CloudQuota.GetSQuotaInfoArgs
            {
                Parent = $"projects/{project}",
                Service = Service,
                QuotaId = use.QuotaId,
            });
            var limit = RegionalQuota.LimitIn(
                info.DimensionsInfos.Select(d => ((IReadOnlyDictionary<string, string>)d.Dimensions, d.Details.IsDefaultOrEmpty ? null : d.Details[0].Value)),
                peak.Region);
            if (limit is { } l && use.Need > l)
                excess.Add(string.Create(CultureInfo.InvariantCulture,
                    $"{who}: {use.Need} {use.QuotaName} in {peak.Region} is more than the quota of {l} (Cloud Quotas {use.QuotaId} of {project})"));
        }
        if (excess.Count > 0)
            throw new RunException($"the project's quota is too small; nothing was deployed:\n  {string.Join("\n  ", excess)}\n" +
                                   "  raise it in the Console (IAM & Admin → Quotas & System Limits), or lower maxNodeCount / the event's pool");
    }
}
