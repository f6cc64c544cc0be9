using HubInfra.Core.Planning;
using HubInfra.Core.Values;
using Pulumi;
using Gcp = Pulumi.Gcp;
using K8s = Pulumi.Kubernetes;

namespace HubInfra.Components;

/// <summary>
/// One hub: its namespace, an optional static IP for the proxy, and a Helm <em>Release</em> of the z2jh chart (a
/// Release runs chart hooks, so the hook image puller works) with the plan's values. Community hubs are protected
/// (their namespace holds homes and the hub database); a workshop hub is not.
/// </summary>
public sealed class HubRelease : ComponentResource
{
    /// <param name="secrets">Turns each secret <see cref="ValueRef"/> of the values into its (secret) Output.</param>
    /// <param name="beforeRelease">Creates what must exist in the namespace before the chart is installed (a workshop's account Secret).</param>
    /// <summary>Objects applied beside the release (<see cref="HubPlan.Manifests"/>), or null when there are none.</summary>
    public K8s.Yaml.V2.ConfigGroup? ExtraObjects { get; }

    public HubRelease(string name, HubPlan plan, string project, string region, Func<ValueRef, Output<string>> secrets, ComponentResourceOptions options,
        Func<K8s.Core.V1.Namespace, IEnumerable<Resource>>? beforeRelease = null)
        : base("hubinfra:hub:Hub", name, options)
    {
        var protect = new CustomResourceOptions { Parent = this, Protect = plan.Protect };
        Namespace = new K8s.Core.V1.Namespace(plan.Namespace, new K8s.Types.Inputs.Core.V1.NamespaceArgs
        {
            Metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaArgs
            {
                Name = plan.Namespace,
                Labels = { { "app.kubernetes.io/managed-by", "hubinfra" }, { "hubinfra.org/hub", plan.Name } },
            },
        }, protect);

        if (plan.StaticIpName is { } ipName)
            Address = new Gcp.Compute.Address(ipName, new Gcp.Compute.AddressArgs
            {
                Name = ipName,
                Project = project,
                Region = region,
                AddressType = "EXTERNAL",
            }, new CustomResourceOptions { Parent = this, Protect = plan.Protect });

        var values = (Dictionary<string, object?>)ValueTree.Resolve(plan.Values, reference => reference.IsSecret
            ? secrets(reference)
            : reference == ValueRef.StaticIp(plan.Name) && Address is not null
                ? Address.IPAddress
                : throw new InvalidOperationException($"no value for {reference.Name}"))!;
        var prerequisites = beforeRelease?.Invoke(Namespace).ToList() ?? [];
        // The release waits for what the component waits for (the node pools it needs) and for its prerequisites.
        var releaseDependsOn = new InputList<Resource>();
        releaseDependsOn.AddRange(options.DependsOn);
        foreach (var prerequisite in prerequisites)
            releaseDependsOn.Add(prerequisite);
        var inputValues = new InputMap<object>();
        foreach (var (key, value) in values)
            if (value is not null)
                inputValues.Add(key, value);

        Release = new K8s.Helm.V3.Release(plan.ReleaseName, new K8s.Types.Inputs.Helm.V3.ReleaseArgs
        {
            Name = plan.ReleaseName,
            Namespace = Namespace.Metadata.Apply(m => m.Name),
            Chart = plan.Chart,
            Version = plan.ChartVersion,
            RepositoryOpts = new K8s.Types.Inputs.Helm.V3.RepositoryOptsArgs { Repo = plan.ChartRepository },
            Values = inputValues,
            Atomic = false,
            CleanupOnFail = false,
            Timeout = 900,
            MaxHistory = 10,
        }, new CustomResourceOptions
        {
            Parent = this,
            Protect = plan.Protect,
            DependsOn = releaseDependsOn,
            // A workshop RESET moves the release to a new namespace; the chart's cluster-wide objects (priority
            // classes named after the release) would clash if the new release were installed before the old one goes.
            DeleteBeforeReplace = !plan.Protect,
        });

        // The RBAC a newer user scheduler needs beyond the chart's ClusterRole, bound to the chart's ServiceAccount:
        // the same text render writes to hubs/<hub>/manifests.yaml.
        if (plan.Manifests.Count > 0)
            ExtraObjects = new K8s.Yaml.V2.ConfigGroup($"{name}-extra", new K8s.Types.Inputs.Yaml.V2.ConfigGroupArgs
            {
                Yaml = plan.ManifestsYaml,
            }, new ComponentResourceOptions { Parent = this, DependsOn = { Release } });

        Url = Output.Create(plan.Url);
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["namespace"] = plan.Namespace });
    }

    public K8s.Core.V1.Namespace Namespace { get; }

    public Gcp.Compute.Address? Address { get; }

    public K8s.Helm.V3.Release Release { get; }

    public Output<string> Url { get; }
}
