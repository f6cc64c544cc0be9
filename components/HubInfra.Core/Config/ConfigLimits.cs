namespace HubInfra.Core.Config;

/// <summary>
/// The documented range of every count, size and duration in a stack file (README: "Stack files: limits, ranges and messages"). Where the
/// bound is Google's, the comment names the page it comes from; the others are sanity bounds far above any real
/// JupyterHub or event, there to catch a slipped digit (a million attendees, a 1,000,000 GB disk, negative hours).
/// </summary>
public static class ConfigLimits
{
    /// <summary>The bound a pool's node count is read with: GKE's 15,000 nodes per cluster
    /// (https://cloud.google.com/kubernetes-engine/quotas). The per-zone limit depends on the zones and is checked in
    /// <see cref="Validation.GkeLimits"/>.</summary>
    public const int NodesPerPool = Validation.GkeLimits.NodesPerCluster;

    /// <summary>GKE node boot disk: "The smallest allowed disk size is 10GB" (container API NodeConfig.diskSizeGb,
    /// https://cloud.google.com/kubernetes-engine/docs/reference/rest/v1/NodeConfig).</summary>
    public const int DiskGbMin = 10;

    /// <summary>A Compute Engine persistent disk is at most 64 TiB = 65,536 GB (https://cloud.google.com/compute/docs/disks#introduction).</summary>
    public const int DiskGbMax = 65_536;

    /// <summary>Most GPUs on one GCE VM: 16 (a2-megagpu-16g, https://cloud.google.com/compute/docs/gpus#a100-gpus).</summary>
    public const int GpusPerNode = 16;

    /// <summary>Largest GCE machine types have 416 vCPUs (m2-ultramem-416, https://cloud.google.com/compute/docs/memory-optimized-machines).</summary>
    public const double CpuPerUserMax = 416;

    /// <summary>CPU below 0.01 cores is not a useful guarantee (Kubernetes' smallest unit is 1m = 0.001).</summary>
    public const double CpuPerUserMin = 0.01;

    /// <summary>Largest GCE machine memory: about 12 TiB (m2-ultramem-416: 11,776 GB, same page as <see cref="CpuPerUserMax"/>).</summary>
    public const long MemoryPerUserMaxGiB = 12 * 1024;

    /// <summary>A user's home volume: 1 GiB to 64 TiB (the persistent-disk maximum, see <see cref="DiskGbMax"/>).</summary>
    public const long HomeStorageMaxGiB = 64 * 1024;

    public const int AttendeesMax = 100_000;

    /// <summary>Password rotation counters (workshop seats, shared password).</summary>
    public const int RotationMax = 1_000_000;

    /// <summary>Price overrides, in the billing currency per hour (the dearest GPU costs a few dollars an hour).</summary>
    public const double PricePerHourMax = 1000;

    /// <summary>DaemonSet overhead per node: at most 16 cores and 64 GiB (more would leave no room for users).</summary>
    public const double OverheadCpuMax = 16;
    public const int OverheadMemoryMaxGiB = 64;

    /// <summary>An event window or daily range spans at most a year (a longer one is a typo in the year).</summary>
    public const int EventSpanDays = 366;

    /// <summary>Windows plus daily ranges of one event.</summary>
    public const int EventEntriesMax = 500;

    /// <summary>Unknown keys reported one by one in a mapping before the rest are summed up.</summary>
    public const int UnknownKeysReported = 20;

    /// <summary>Problems reported per stack; past these one line says more were found (a 4-million-item list of wrong items stays quick).</summary>
    public const int ProblemsReported = 200;

    public static Problem TooMany(string key) =>
        new(key, $"and more problems: only the first {ProblemsReported} are shown; fix these and run validate again");
    public const int LeadMinutesMax = 24 * 60;

    /// <summary><c>noShowFraction</c>: at most 0.9 (an event where more than nine in ten stay away needs fewer seats, not a larger share).</summary>
    public const double NoShowFractionMax = 0.9;
    public const int CullSecondsMax = 30 * 24 * 3600;
    public const int CullEveryMax = 24 * 3600;
    public const int HeadroomNodesMax = 100;
    public const int WorkshopGenerationMax = 10_000;
    public const int ServerAgeHoursMax = 7 * 24;
    public const double BudgetAmountMax = 10_000_000;

    /// <summary>" (GKE's limit per node pool and zone)" style suffixes for messages.</summary>
    public const string NodesWhy = " (GKE allows 15,000 nodes per cluster)";
    public const string DiskWhy = " GB (GKE's minimum is 10 GB, a persistent disk's maximum 65,536 GB)";
}
