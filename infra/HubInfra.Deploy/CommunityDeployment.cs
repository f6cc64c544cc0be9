using HubInfra.Components;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using Pulumi;

namespace HubInfra.Deploy;

/// <summary>Wires the components of a community (or local) stack from its plan, and its stack outputs.</summary>
public static class CommunityDeployment
{
    public static IDictionary<string, object?> Run(CommunityPlan plan, RawConfig raw)
    {
        var stack = plan.Stack;
        var outputs = new Dictionary<string, object?>
        {
            // Event stacks rebind this community from it (secrets redacted).
            ["hubinfraConfig"] = SecretPaths.Redacted(raw).ToJsonString(),
        };

        Pulumi.Kubernetes.Provider provider;
        if (plan.Cluster is { } clusterPlan)
        {
            var cluster = new GkeCluster(clusterPlan.Name, clusterPlan);
            foreach (var pool in plan.NodePools)
                _ = new GkeNodePool(pool.Name, pool, cluster.Cluster.Name, cluster.Cluster.Location, clusterPlan.Project, cluster.NodeServiceAccount.Email,
                    new ComponentResourceOptions { Parent = cluster });
            provider = cluster.Provider;
            _ = new HubStorageClasses("storage", new ComponentResourceOptions { Provider = provider });
            outputs["clusterName"] = cluster.Cluster.Name;
            outputs["clusterLocation"] = cluster.Cluster.Location;
            outputs["kubeconfig"] = cluster.Kubeconfig;
            if (stack.Budget is { } budget)
                _ = new CommunityBudget("budget", budget, stack.Project);
        }
        else
        {
            provider = new Pulumi.Kubernetes.Provider("local", new Pulumi.Kubernetes.ProviderArgs { Context = stack.Local!.Context });
        }

        var urls = new Dictionary<string, Output<string>>();
        foreach (var hubPlan in plan.Hubs)
        {
            var settings = stack.Hubs.Single(h => h.Name == hubPlan.Name);
            var hub = new HubRelease(hubPlan.Name, hubPlan, stack.Project, stack.Region, reference => SecretOf(settings, reference),
                new ComponentResourceOptions { Provider = provider });
            urls[hubPlan.Name] = hub.Url;
        }
        outputs["hubUrls"] = Output.All(urls.Select(kv => kv.Value.Apply(u => (kv.Key, u)))).Apply(pairs => pairs.ToDictionary(p => p.Key, p => p.u));
        return outputs;
    }

    /// <summary>The secret a <see cref="ValueRef"/> of a hub's values stands for, as a Pulumi secret.</summary>
    public static Output<string> SecretOf(HubSettings hub, ValueRef reference) =>
        reference == ValueRef.GitHubClientSecret(hub.Name) && hub.Auth.GitHub is { } gh
            ? Output.CreateSecret(gh.ClientSecret.Plaintext ?? "")
            : throw new InvalidOperationException($"hub {hub.Name} has no secret {reference.Name}");
}
