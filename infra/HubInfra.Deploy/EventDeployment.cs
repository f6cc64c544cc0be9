using HubInfra.Components;
using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using Pulumi;
using HubInfra.Core.Stacks;

namespace HubInfra.Deploy;

/// <summary>
/// An event stack: reads its community stack's contract (<see cref="CommunityContract"/>) and kubeconfig through a StackReference,
/// binds, validates and plans the event against it once, and creates its capacity and optional workshop hub.
/// </summary>
public static class EventDeployment
{
    /// <param name="stacks">The project's folder of stack files, when known.</param>
    /// <param name="events">The event stacks of that folder.</param>
    public static async Task<IDictionary<string, object?>> RunAsync(RawConfig raw, string? stacks, IReadOnlyList<EventSettings> events)
    {
        // The community's name, to read its contract first; then the event is bound, validated and reported once,
        // against that community, and planned once.
        var communityName = CommunityNameOf(raw);
        CommunityStack? community = null;
        CommunityContract? contract = null;
        StackReference? reference = null;
        var contractProblems = new List<Problem>();
        if (communityName is not null)
        {
            reference = new StackReference($"{Deployment.Instance.OrganizationName}/{Deployment.Instance.ProjectName}/{communityName}");
            // GetValueAsync throws on a secret output; the details carry the value either way.
            var details = await reference.GetOutputDetailsAsync(CommunityContract.OutputName);
            contract = CommunityContract.Read((details.Value ?? details.SecretValue) as string ?? "", communityName, raw.StackName, contractProblems);
            community = contract?.Community;
        }

        // A community deployed from the same folder gives its cluster this event's maintenance exclusions.
        var derived = stacks is not null && communityName is not null && File.Exists(StackFile.PathIn(stacks, communityName));
        var loaded = StackLoader.Load(raw, name => name == communityName ? community : null, otherEvents: () => events, exclusionsDerived: derived);
        HubInfraProgram.Report(loaded with { Problems = [.. contractProblems, .. loaded.Problems] });
        var ev = loaded.Event ?? throw new RunException("hubinfra:event is missing");
        if (contract is null || community is null || reference is null)
            throw new RunException($"community stack {ev.CommunityStack} could not be read");
        // Planned once, by the loader, from the event resolved against the contract's community.
        var plan = loaded.Plan ?? throw new RunException($"the event could not be planned against stack {ev.CommunityStack}");

        if (plan.Pool.Dedicated is not null && community.Kind != StackKind.Local)
            await CloudQuotaCheck.RunAsync(community.Project, Core.Planning.RegionalQuota.Peak(community, [plan]),
                $"event {ev.StackName} at its peak ({community.StackName}'s pools at their max plus the event's pool)");

        var provider = community.Kind == StackKind.Local
            ? new Pulumi.Kubernetes.Provider("community", KubernetesProviders.ForContext(community.Local!.Context))
            : new Pulumi.Kubernetes.Provider("community", KubernetesProviders.ForKubeconfig(reference.RequireOutput("kubeconfig").Apply(k => (string)k)));
        var options = new ComponentResourceOptions { Provider = provider };

        // The plan document's own records (windows, policy, cost), as plain values Pulumi registers as outputs.
        var outputs = PlanDocument.Tree(PlanDocument.Outputs(plan));

        // The event's capacity waits for its workshop hub (the placeholders use its user scheduler) and its own pool.
        var capacityOptions = new ComponentResourceOptions { Provider = provider };
        if (plan.WorkshopHub is { } workshopPlan)
        {
            var hub = new HubRelease(workshopPlan.Name, new HubReleaseArgs(workshopPlan, community.Project, community.Region, r => CommunityDeployment.SecretOf(plan.Hub, r))
            {
                Accounts = ($"{ev.StackName}-accounts", new WorkshopAccountsArgs(plan.Hub)),
            }, options);
            outputs["hubUrl"] = hub.Url;
            outputs["roster"] = hub.Accounts!.Roster;
            capacityOptions.DependsOn.Add(hub);
        }

        if (plan.Pool.Dedicated is { } pool && community.Kind != StackKind.Local)
        {
            capacityOptions.DependsOn.Add(new GkeNodePool(pool.Name + "-event",
                new GkeNodePoolArgs(pool, contract.ClusterName!, contract.ClusterLocation!, contract.Project, contract.NodeServiceAccountEmail!)));
        }

        _ = new EventCapacity(ev.StackName, new EventCapacityArgs(plan), capacityOptions);
        return outputs;
    }

    /// <summary><c>hubinfra:event.community</c> as written, or null (the loader then reports it).</summary>
    private static string? CommunityNameOf(RawConfig raw) =>
        raw.Values.TryGetValue(ConfigKey.Event, out var e) && e is System.Text.Json.Nodes.JsonObject o
            && o["community"] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var name) && name.Length > 0
            ? name
            : null;
}
