using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using static HubInfra.Core.Yaml.ValueTree;
using HubInfra.Core.Scripts;

namespace HubInfra.Core.Values;

/// <summary>
/// Pulls the workshop's repository into every home when a server starts (<c>Scripts/workshop-content.sh</c>, the
/// postStart hook: nbgitpuller's <c>gitpuller</c> when the image has it, else a shallow <c>git clone</c> the first
/// time) and opens the first notebook.
/// </summary>
public static class WorkshopContentValues
{
    public static string Folder(WorkshopContent content)
    {
        var name = content.RepositoryUrl.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }

    /// <summary>The script the hook runs (an embedded file); its inputs are the arguments of <see cref="PostStartCommand"/>.</summary>
    public static string Script { get; } = ClusterScripts.Load("workshop-content.sh");

    /// <summary><c>sh -c SCRIPT workshop-content REPOSITORY BRANCH FOLDER</c>: values are arguments, never script text.</summary>
    public static List<object?> PostStartCommand(WorkshopContent content) =>
        ["sh", "-c", Script, "workshop-content", content.RepositoryUrl, content.Branch, Folder(content)];

    public static string DefaultUrl(WorkshopContent content)
    {
        var dir = Folder(content);
        var path = string.Join('/', new[] { dir, content.Path?.Trim('/'), content.OpenFirst?.Trim('/') }.Where(s => !string.IsNullOrEmpty(s)));
        return $"/lab/tree/{path}";
    }

    public static void Apply(WorkshopContent content, Dictionary<string, object?> singleUser)
    {
        singleUser["lifecycleHooks"] = Map(("postStart", Map(("exec", Map(("command", PostStartCommand(content)))))));
        singleUser["defaultUrl"] = DefaultUrl(content);
    }
}
