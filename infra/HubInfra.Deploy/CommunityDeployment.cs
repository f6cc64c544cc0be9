using HubInfra.Components;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using Pulumi;
using HubInfra.Core.Yaml;

namespace HubInfra.Deploy;

/// <summary>Wires the components of a community (or local) stack from its plan, and its stack outputs.</summary>
public static class CommunityDeployment
{
    public static IDictionary<string, object?> Run(CommunityPlan plan)
    {
        var stack = plan.Stack;
        var outputs = new Dictionary<string, object?>
        {
            // What event stacks plan against: one versioned contract (secrets redacted), as the CLI builds it.
            [CommunityContract.OutputName] = CommunityContract.From(stack).ToJson(),
        };

        Pulumi.Kubernetes.Provider provider;
        var pools = new Dictionary<string, GkeNodePool>();
        var storageDependsOn = new InputList<Resource>();
        if (plan.Cluster is { } clusterPlan)
        {
            var cluster = new GkeCluster(clusterPlan.Name, new GkeClusterArgs(clusterPlan));
            foreach (var pool in plan.NodePools)
            {
                var poolOptions = new ComponentResourceOptions { Parent = cluster };
                foreach (var grant in cluster.NodeServiceAccountGrants)
                    poolOptions.DependsOn.Add(grant);
                pools[pool.Name] = new GkeNodePool(pool.Name,
                    new GkeNodePoolArgs(pool, cluster.Cluster.Name, cluster.Cluster.Location, clusterPlan.Project, cluster.NodeServiceAccount.Email), poolOptions);
            }
            provider = cluster.Provider;
            // The cluster has no nodes until its pools exist: what runs in it waits for the pools it needs.
            foreach (var core in plan.NodePools.Where(p => p.Purpose == NodePurpose.Core))
                storageDependsOn.Add(pools[core.Name].NodePool);
            _ = new HubStorageClasses("storage", new HubStorageClassesArgs(), new ComponentResourceOptions { Provider = provider, DependsOn = storageDependsOn });
            outputs["clusterName"] = cluster.Cluster.Name;
            outputs["clusterLocation"] = cluster.Cluster.Location;
            outputs["kubeconfig"] = cluster.Kubeconfig;
            if (stack.Budget is { } budget)
                _ = new CommunityBudget("budget", new CommunityBudgetArgs(budget, stack.Project));
        }
        else
        {
            provider = new Pulumi.Kubernetes.Provider("local", KubernetesProviders.ForContext(stack.Local!.Context));
        }

        var urls = new Dictionary<string, Output<string>>();
        foreach (var hubPlan in plan.Hubs)
        {
            var settings = stack.Hubs.Single(h => h.Name == hubPlan.Name);
            var hubOptions = new ComponentResourceOptions { Provider = provider };
            foreach (var pool in plan.PoolsNeededBy(hubPlan))
                hubOptions.DependsOn.Add(pools[pool.Name].NodePool);
            var hub = new HubRelease(hubPlan.Name, new HubReleaseArgs(hubPlan, stack.Project, stack.Region, reference => SecretOf(settings, reference)), hubOptions);
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
