namespace HubInfra.Core.Capacity;

/// <summary>On-demand price of one vCPU-hour and one GiB-hour of memory in a machine series.</summary>
public sealed record FamilyPrice(double VCpuHour, double GiBHour);
