namespace HubInfra.Core.Schedule;

/// <summary>
/// What a GKE maintenance exclusion blocks (<c>exclusion_options.scope</c>), as GKE's API reference names them
/// (https://cloud.google.com/kubernetes-engine/docs/reference/rest/Shared.Types/Scope):
/// <c>NO_UPGRADES</c> blocks every upgrade; <c>NO_MINOR_UPGRADES</c> lets patches through;
/// <c>NO_MINOR_OR_NODE_UPGRADES</c> blocks minor and node-pool upgrades and lets only control-plane patches through.
/// </summary>
public enum ExclusionScope
{
    NoUpgrades,
    NoMinorUpgrades,
    NoMinorOrNodeUpgrades,
}

/// <summary>The GKE spelling of an <see cref="ExclusionScope"/> and what each one protects.</summary>
public static class ExclusionScopes
{
    public static readonly IReadOnlyList<string> Names = ["NO_UPGRADES", "NO_MINOR_UPGRADES", "NO_MINOR_OR_NODE_UPGRADES"];

    public static string GkeName(this ExclusionScope scope) => Names[(int)scope];

    public static bool TryParse(string text, out ExclusionScope scope)
    {
        var i = Names.ToList().IndexOf(text.Trim().ToUpperInvariant());
        scope = i < 0 ? ExclusionScope.NoUpgrades : (ExclusionScope)i;
        return i >= 0;
    }

    /// <summary>
    /// True when nodes are not upgraded (so user pods are not evicted) while the exclusion is active:
    /// <c>NO_UPGRADES</c> and <c>NO_MINOR_OR_NODE_UPGRADES</c>; <c>NO_MINOR_UPGRADES</c> still lets node patches through.
    /// </summary>
    public static bool KeepsNodes(this ExclusionScope scope) => scope != ExclusionScope.NoMinorUpgrades;
}
