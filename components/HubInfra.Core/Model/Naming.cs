using System.Text;
using System.Text.RegularExpressions;

namespace HubInfra.Core.Model;

/// <summary>The naming rules names must follow, and the one place derived names are made.</summary>
public static partial class Naming
{
    /// <summary>RFC 1035 label as GCP and Kubernetes namespaces want it: lowercase letter first, then letters, digits and '-', no '-' last.</summary>
    public static bool IsLabel(string name, int maxLength = 63) =>
        name.Length <= maxLength && LabelPattern().IsMatch(name);

    /// <summary>Makes a valid label out of any text (lowercase, '-' for anything else, trimmed to <paramref name="maxLength"/>).</summary>
    public static string Label(string text, int maxLength = 63)
    {
        var sb = new StringBuilder();
        foreach (var ch in text.ToLowerInvariant())
            sb.Append(ch is >= 'a' and <= 'z' or >= '0' and <= '9' ? ch : '-');
        var s = DashRuns().Replace(sb.ToString(), "-").Trim('-');
        if (s.Length == 0 || !char.IsAsciiLetterLower(s[0])) s = "x-" + s;
        if (s.Length > maxLength) s = s[..maxLength].TrimEnd('-');
        return s;
    }

    public static string LabelRule(int maxLength) =>
        $"must be at most {maxLength} characters of lowercase letters, digits and '-', start with a letter and not end with '-'; rename it, e.g. my-name-1";

    /// <summary>GKE cluster names: at most 40 characters.</summary>
    public const int ClusterNameMax = 40;

    /// <summary>
    /// GKE node pool names: at most 40 characters. Pools are created with a name prefix (create-before-delete) to which
    /// the Google provider appends a 26-character unique suffix (terraform-provider-google's <c>PrefixedUniqueId</c>),
    /// so the prefix — the pool's name and a '-' — may have at most 14: names of at most 13.
    /// </summary>
    public const int NodePoolNameMax = GkeNodePoolNameMax - ProviderUniqueSuffixLength - 1;

    public const int GkeNodePoolNameMax = 40;

    public const int ProviderUniqueSuffixLength = 26;

    /// <summary>The cluster's node service account id: the cluster name + <c>-nodes</c>, cut to IAM's 30 characters.</summary>
    public static string NodeServiceAccountId(string clusterName) => Label($"{clusterName}-nodes", 30);

    /// <summary>Helm release names: at most 53 characters.</summary>
    public const int ReleaseNameMax = 53;

    [GeneratedRegex("^[a-z]([-a-z0-9]*[a-z0-9])?$")]
    private static partial Regex LabelPattern();

    [GeneratedRegex("-+")]
    private static partial Regex DashRuns();
}
