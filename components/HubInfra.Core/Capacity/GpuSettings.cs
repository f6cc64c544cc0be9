namespace HubInfra.Core.Capacity;

/// <summary>An accelerator attached to every node of a pool (GKE <c>guest_accelerator</c>).</summary>
/// <param name="DriverVersion">GKE's <c>gpu_driver_installation_config.gpu_driver_version</c>: DEFAULT, LATEST or INSTALLATION_DISABLED.</param>
public sealed record GpuSettings(string Type, int Count, string DriverVersion);
