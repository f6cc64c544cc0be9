using HubInfra.Core.Model;
using static HubInfra.Core.Values.ValueTree;

namespace HubInfra.Core.Values;

/// <summary>
/// Pulls the workshop's repository into every home when a server starts (nbgitpuller's <c>gitpuller</c> when the
/// image has it, else a shallow <c>git clone</c> the first time) and opens the first notebook.
/// </summary>
public static class WorkshopContentValues
{
    public static string Folder(WorkshopContent content)
    {
        var name = content.RepositoryUrl.TrimEnd('/');
        name = name[(name.LastIndexOf('/') + 1)..];
        return name.EndsWith(".git", StringComparison.Ordinal) ? name[..^4] : name;
    }

    public static string PostStartScript(WorkshopContent content)
    {
        var dir = Folder(content);
        return $"if command -v gitpuller >/dev/null 2>&1; then gitpuller '{content.RepositoryUrl}' '{content.Branch}' '{dir}'; " +
               $"elif [ ! -d '{dir}' ]; then git clone --depth 1 --branch '{content.Branch}' '{content.RepositoryUrl}' '{dir}'; fi || true";
    }

    public static string DefaultUrl(WorkshopContent content)
    {
        var dir = Folder(content);
        var path = string.Join('/', new[] { dir, content.Path?.Trim('/'), content.OpenFirst?.Trim('/') }.Where(s => !string.IsNullOrEmpty(s)));
        return $"/lab/tree/{path}";
    }

    public static void Apply(WorkshopContent content, Dictionary<string, object?> singleUser)
    {
        singleUser["lifecycleHooks"] = Map(("postStart", Map(("exec", Map(("command", new List<object?> { "sh", "-c", PostStartScript(content) }))))));
        singleUser["defaultUrl"] = DefaultUrl(content);
    }
}
