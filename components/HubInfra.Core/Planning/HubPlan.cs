using HubInfra.Core.Model;
using HubInfra.Core.Values;

namespace HubInfra.Core.Planning;

/// <summary>How many users of a profile one node seats.</summary>
public sealed record ProfileSeats(string Profile, string NodePool, string MachineType, int SeatsPerNode, int MaxUsers);

/// <summary>A hub as it will be deployed: namespace, Helm release and the exact values it receives.</summary>
/// <param name="Protect">Community hubs: namespace, release and storage are protected; a workshop hub is not.</param>
public sealed record HubPlan(
    string Name,
    string Namespace,
    string ReleaseName,
    string Chart,
    string ChartRepository,
    string ChartVersion,
    string Url,
    string? StaticIpName,
    string StorageClass,
    bool Protect,
    Dictionary<string, object?> Values,
    IReadOnlyList<ProfileSeats> Seats)
{
    /// <summary>
    /// Kubernetes objects HubInfra applies beside the release: the RBAC the user scheduler's newer kube-scheduler needs
    /// beyond the chart's ClusterRole (<see cref="Kubernetes.UserSchedulerRbac"/>). <c>render</c> writes them to
    /// <c>hubs/&lt;hub&gt;/manifests.yaml</c>.
    /// </summary>
    public IReadOnlyList<Dictionary<string, object?>> Manifests { get; init; } = [];

    /// <summary>The manifests as one multi-document YAML (empty when there are none).</summary>
    public string ManifestsYaml => string.Join("---\n", Manifests.Select(ValuesYaml.Serialize));

    public const string ChartName = "jupyterhub";
    public const string Repository = "https://hub.jupyter.org/helm-chart/";

    public static HubPlan From(HubSettings hub, CommunityStack stack, string? clusterName = null)
    {
        var storageClass = stack.Kind == StackKind.Local && stack.Local is { } local
            ? local.StorageClass
            : hub.Workshop is not null ? StorageClasses.Delete : StorageClasses.Retain;
        var values = HubValues.Build(hub, stack.Kind, storageClass, stack.Cluster.ReleaseChannel);
        var seats = new List<ProfileSeats>();
        foreach (var profile in hub.Profiles)
        {
            var pool = stack.UserPools.FirstOrDefault(p => p.Name == profile.NodePool);
            if (pool is null || !Capacity.MachineTypeCatalog.TryGet(pool.MachineType, out var machine) || profile.MemoryGuarantee.Bytes <= 0)
                continue;
            var perNode = SeatPlanner.SeatsFor(profile, pool, machine, stack.Capacity);
            seats.Add(new ProfileSeats(profile.Name, pool.Name, pool.MachineType, perNode, perNode * pool.MaxNodes));
        }
        var ipName = hub.StaticIp && stack.Kind != StackKind.Local
            ? Naming.Label($"{clusterName ?? stack.Cluster.Name}-{hub.Name}-ip")
            : null;
        var scheduler = Kubernetes.UserSchedulerImage.For(stack.Cluster.ReleaseChannel).Image;
        return new HubPlan(hub.Name, hub.Namespace, hub.HelmReleaseName, ChartName, Repository, hub.ChartVersion, hub.Url, ipName,
            storageClass, hub.Workshop is null, values, seats)
        {
            Manifests = stack.Kind == StackKind.Local ? [] : Kubernetes.UserSchedulerRbac.Manifests(hub.HelmReleaseName, hub.Namespace, scheduler.Minor),
        };
    }
}
