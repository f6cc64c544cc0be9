using HubInfra.Core.Capacity;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;

namespace HubInfra.Core.PlanChecks;

/// <summary>
/// The project's regional quotas (<c>hubinfra:capacity.quota</c>, optional) against what the peak needs
/// (<see cref="RegionalQuota"/>): an excess is an error, before anything is deployed.
/// </summary>
public static class QuotaRules
{
    private const string HowToRaise = "raise it in the Console (IAM & Admin → Quotas & System Limits, filter by the quota name and region)";

    /// <summary>The community's pools at their max.</summary>
    public static void CheckCommunity(CommunityStack community, List<Problem> problems)
    {
        if (community.Capacity.Quota is not { } quota || community.Kind == StackKind.Local) return;
        var peak = RegionalQuota.Peak(community, []);
        foreach (var e in peak.Exceeding(quota))
            problems.Add(new Problem($"hubinfra:capacity.quota.{e.Key}",
                $"the node pools at their maxNodeCount need {e.Need} {e.QuotaName} in {community.Region}, more than the quota of {e.Limit}; {HowToRaise}, or lower maxNodeCount"));
    }

    /// <summary>The community's pools at their max plus the event's own pool at its max, while the event is warm.</summary>
    public static void CheckEvent(EventSettings ev, CommunityStack community, EventPlan plan, List<Problem> problems)
    {
        if (plan.Pool.Dedicated is null || community.Kind == StackKind.Local) return;
        if ((ev.Capacity.Quota ?? community.Capacity.Quota) is not { } quota) return;
        var peak = RegionalQuota.Peak(community, [plan]);
        foreach (var e in peak.Exceeding(quota))
            problems.Add(new Problem("hubinfra:event.pool",
                $"event {ev.StackName} at its peak needs {e.Need} {e.QuotaName} in {community.Region} ({community.StackName}'s pools at their max plus the event's pool of " +
                $"{plan.Pool.Dedicated.MaxNodes} × {plan.Pool.Dedicated.MachineType}), more than the quota of {e.Limit} (hubinfra:capacity.quota.{e.Key}); {HowToRaise}, " +
                "or lower the event's pool (attendees, peakFraction, headroomNodes)"));
    }
}
