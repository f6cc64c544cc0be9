using HubInfra.Core.Binding;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using Pulumi;
using HubInfra.Core.Stacks;

namespace HubInfra.Deploy;

/// <summary>
/// Config → validated model → plan → components. Every problem is reported at once, before any resource is
/// registered; warnings are logged.
/// </summary>
public static class HubInfraProgram
{
    /// <param name="stacksDirectory">The project's stack files (<see cref="PulumiConfigSource.StacksDirectory"/> when null):
    /// a community's cluster gets the maintenance exclusions of the event stacks there that name it.</param>
    public static async Task<IDictionary<string, object?>> RunAsync(RawConfig raw, string? stacksDirectory = null)
    {
        var stacks = stacksDirectory ?? PulumiConfigSource.StacksDirectory();
        var events = stacks is null ? [] : StackFolder.Events(stacks);
        if (StackLoader.KindOf(raw) == StackKind.Event)
            return await EventDeployment.RunAsync(raw, stacks, events);

        var loaded = StackLoader.Load(raw, otherEvents: () => events);
        Report(loaded);
        var community = loaded.Community!;
        if (community.Kind != StackKind.Local)
            await CloudQuotaCheck.RunAsync(community.Project, Core.Planning.RegionalQuota.Peak(community, []), "the node pools at their maxNodeCount");
        return CommunityDeployment.Run(CommunityPlan.From(community, loaded.Exclusions));
    }

    /// <summary>Throws with every error (key: message) if there is any; logs warnings.</summary>
    public static void Report(LoadedStack loaded)
    {
        foreach (var warning in loaded.Problems.Where(p => p.Severity == Severity.Warning))
            Log.Warn(warning.ToString());
        if (loaded.HasErrors)
            throw new RunException(
                $"the config of stack '{loaded.StackName}' has {loaded.Errors.Count()} problem(s); nothing was deployed:\n  " +
                string.Join("\n  ", loaded.Errors));
    }

    public static CommunityStack BindCommunity(RawConfig raw) => CommunityBinder.Bind(raw, []);
}
