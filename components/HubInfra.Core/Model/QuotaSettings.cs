namespace HubInfra.Core.Model;

/// <summary>
/// A project's regional Compute Engine quotas (<c>hubinfra:capacity.quota</c>), as IAM &amp; Admin → Quotas shows
/// them: vCPUs per series (<c>N2_CPUS</c>, … — key <c>n2</c>; <c>CPUS</c> for the series without their own quota — key
/// <c>cpus</c>), GPUs per type (<c>NVIDIA_T4_GPUS</c> — key <c>nvidia-tesla-t4</c>), <c>SSD_TOTAL_GB</c> and
/// <c>IN_USE_ADDRESSES</c>. A quota left out is not checked.
/// </summary>
public sealed record QuotaSettings(
    IReadOnlyDictionary<string, long> CpusByFamily,
    IReadOnlyDictionary<string, long> GpusByType,
    long? SsdGb,
    long? InUseAddresses);
