using HubInfra.Core.Values;
using Pulumi;
using K8s = Pulumi.Kubernetes;

namespace HubInfra.Components;

/// <summary>
/// The storage classes hubs use on GKE: <see cref="StorageClasses.Retain"/> (community homes and hub databases:
/// a deleted claim keeps its disk; protected) and <see cref="StorageClasses.Delete"/> (workshop homes).
/// </summary>
public sealed class HubStorageClasses : HubInfraComponent
{
    /// <param name="options">Waits for the core pool: the cluster has no nodes before it.</param>
    public HubStorageClasses(string name, HubStorageClassesArgs args, ComponentResourceOptions options)
        : base(nameof(HubStorageClasses), name, options, new Alias { Type = "hubinfra:hub:StorageClasses" })
    {
        Retain = Create(args.Retain, "Retain", protect: true);
        Delete = Create(args.Delete, "Delete", protect: false);
        RegisterOutputs();
    }

    public K8s.Storage.V1.StorageClass Retain { get; }

    public K8s.Storage.V1.StorageClass Delete { get; }

    private K8s.Storage.V1.StorageClass Create(string className, string reclaimPolicy, bool protect) =>
        new(className, new K8s.Types.Inputs.Storage.V1.StorageClassArgs
        {
            Metadata = new K8s.Types.Inputs.Meta.V1.ObjectMetaArgs { Name = className },
            Provisioner = "pd.csi.storage.gke.io",
            Parameters = { { "type", "pd-balanced" } },
            ReclaimPolicy = reclaimPolicy,
            VolumeBindingMode = "WaitForFirstConsumer",
            AllowVolumeExpansion = true,
        }, Child(protect));
}
