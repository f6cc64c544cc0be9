namespace HubInfra.Core.Capacity;

/// <summary>
/// A GCE machine type: its name (<c>n2-highmem-4</c>), series (<c>n2</c>), vCPUs, nominal memory in GiB, and the GPUs
/// that come with it on accelerator-optimised series (g2: NVIDIA L4, a2: NVIDIA A100).
/// </summary>
public sealed record MachineType(string Name, string Family, int VCpus, double MemoryGiB, string? BundledGpuType = null, int BundledGpuCount = 0);
