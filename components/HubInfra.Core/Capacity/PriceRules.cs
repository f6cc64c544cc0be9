using HubInfra.Core.Config;

namespace HubInfra.Core.Capacity;

/// <summary>
/// Every node a plan prices must have a price: a series or GPU the table lacks (a table in another currency that
/// names only some series) is an error at <c>hubinfra:capacity.prices</c>, never a cost of 0 and never a crash.
/// </summary>
public static class PriceRules
{
    public const string Key = "hubinfra:capacity.prices";

    /// <summary>The problem when <paramref name="prices"/> cannot price a node of <paramref name="machine"/> with these GPUs; else null.</summary>
    public static Problem? Check(PriceTable prices, MachineType machine, string? gpuType, int gpuCount, string pool)
    {
        if (!prices.Families.ContainsKey(machine.Family))
            return new Problem(Key + ".families", $"has no {prices.Currency} price for machine series {machine.Family} ({machine.Name}, {pool}); add families.{machine.Family}: {{ vcpuHour, gibHour }}");
        foreach (var gpu in new[] { machine.BundledGpuType, gpuCount > 0 ? gpuType : null }.OfType<string>().Distinct())
            if (!prices.GpuHourly.ContainsKey(gpu))
                return new Problem(Key + ".gpus", $"has no {prices.Currency} price for GPU {gpu} ({pool}); add gpus.{gpu}: <price per GPU hour>");
        return null;
    }
}
