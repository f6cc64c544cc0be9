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
public sealed class HubRelease : HubInfraComponent
{
    /// <summary>Objects applied beside the release (<see cref="HubPlan.Manifests"/>), or null when there are none.</summary>
    public K8s.Yaml.V2.ConfigGroup? ExtraObjects { get; }

    /// <param name="options">The Kubernetes provider; waits for the node pools the hub needs.</param>
    public HubRelease(string name, HubReleaseArgs args, ComponentResourceOptions options)
        : base(nameof(HubRelease), name, options, new Alias { Type = "hubinfra:hub:Hub" })
    {
        var plan = args.Plan;
        Namespace = new K8s.Core.V1.Namespace(plan.Namespace, new K8s.Types.Inputs.Core.V1.NamespaceArgs
        {
            Metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaArgs
            {
                Name = plan.Namespace,
                Labels = { { "app.kubernetes.io/managed-by", "hubinfra" }, { "hubinfra.org/hub", plan.Name } },
            },
        }, Child(plan.Protect));

        if (plan.StaticIpName is { } ipName)
            Address = new Gcp.Compute.Address(ipName, new Gcp.Compute.AddressArgs
            {
                Name = ipName,
                Project = args.Project,
                Region = args.Region,
                AddressType = "EXTERNAL",
            }, Child(plan.Protect));

        // A workshop's accounts: their Secret sits in the namespace and must exist before the chart is installed.
        if (args.Accounts is { } accounts)
        {
            var accountsOptions = ChildComponent();
            accountsOptions.DependsOn.Add(Namespace);
            Accounts = new WorkshopAccounts(accounts.Name, accounts.Args, accountsOptions);
        }

        var values = (Dictionary<string, object?>)ValueTree.Resolve(plan.Values, reference => reference.IsSecret
            ? args.Secrets(reference)
            : reference == ValueRef.StaticIp(plan.Name) && Address is not null
                ? Address.IPAddress
                : throw new InvalidOperationException($"no value for {reference.Name}"))!;
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
        }, ReleaseOptions(plan.Protect));

        // The proxy Service keeps clients' addresses for the login throttle (externalTrafficPolicy: Local; see
        // ProxyServicePatch): a server-side-apply patch of that one field, after the release created the Service.
        // Forced: the field manager that created the Service (Helm) owns the defaulted value; Helm's upgrades patch
        // only what its manifests change, and they never name this field.
        if (ProxyServicePatch.For(plan) is { } patch)
            ProxyService = new K8s.Core.V1.ServicePatch($"{plan.ReleaseName}-{patch.ServiceName}", new K8s.Types.Inputs.Core.V1.ServicePatchArgs
            {
                Metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaPatchArgs
                {
                    Name = patch.ServiceName,
                    Namespace = patch.Namespace,
                    Annotations = { { "pulumi.com/patchForce", "true" } },
                },
                Spec = new K8s.Types.Inputs.Core.V1.ServiceSpecPatchArgs { ExternalTrafficPolicy = patch.ExternalTrafficPolicy },
            }, ChildAfter(Release));

        // The RBAC a newer user scheduler needs beyond the chart's ClusterRole, bound to the chart's ServiceAccount:
        // the same text render writes to hubs/<hub>/manifests.yaml.
        if (plan.Manifests.Count > 0)
            ExtraObjects = new K8s.Yaml.V2.ConfigGroup($"{name}-extra", new K8s.Types.Inputs.Yaml.V2.ConfigGroupArgs
            {
                Yaml = plan.ManifestsYaml,
            }, ChildComponentAfter(Release));

        Url = Output.Create(plan.Url);
        RegisterOutputs(new Dictionary<string, object?> { ["url"] = Url, ["namespace"] = plan.Namespace });
    }

    /// <summary>Waits for what the component waits for (the pools the hub needs) and for the workshop's accounts.</summary>
    private CustomResourceOptions ReleaseOptions(bool protect)
    {
        var options = Child(protect);
        if (Accounts is not null)
            options.DependsOn.Add(Accounts);
        // A workshop RESET moves the release to a new namespace; the chart's cluster-wide objects (priority
        // classes named after the release) would clash if the new release were installed before the old one goes.
        options.DeleteBeforeReplace = !protect;
        return options;
    }

    public K8s.Core.V1.Namespace Namespace { get; }

    /// <summary>A workshop hub's accounts (a child of the hub), else null.</summary>
    public WorkshopAccounts? Accounts { get; }

    public Gcp.Compute.Address? Address { get; }

    public K8s.Helm.V3.Release Release { get; }

    /// <summary>The patch of the proxy's public Service, where <see cref="ProxyServicePatch.For"/> asks for one.</summary>
    public K8s.Core.V1.ServicePatch? ProxyService { get; }

    public Output<string> Url { get; }
}
