namespace HubInfra.Core.Capacity;

/// <summary>A GCE machine type: vCPUs, nominal memory, and the GPUs that come with it (g2, a2).</summary>
public sealed record MachineType(string Name, string Family, int VCpus, double MemoryGiB, string? BundledGpuType = null, int BundledGpuCount = 0);
