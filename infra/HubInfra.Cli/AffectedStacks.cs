namespace HubInfra.Cli;

/// <summary>
/// Which stacks a change affects: a stack file affects its stack; anything that is not documentation (code,
/// Pulumi.yaml, build files) affects every stack; an event stack is affected when its community stack is.
/// </summary>
public static class AffectedStacks
{
    /// <param name="changedFiles">Paths relative to the repository root, '/'-separated.</param>
    /// <param name="stacksFolder">The stacks folder relative to the root, e.g. "stacks".</param>
    /// <param name="stacks">Every stack on the head side, with the community stack of each event stack (else null).</param>
    public static IReadOnlyList<string> Compute(IEnumerable<string> changedFiles, string stacksFolder, IReadOnlyDictionary<string, string?> stacks)
    {
        var folder = stacksFolder.Trim('/').Replace('\\', '/');
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in changedFiles)
        {
            var file = raw.Replace('\\', '/');
            var dir = file.Contains('/') ? file[..file.LastIndexOf('/')] : "";
            var name = file[(file.LastIndexOf('/') + 1)..];
            if (dir == folder && name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal))
            {
                var stack = name["Pulumi.".Length..^".yaml".Length];
                if (stacks.ContainsKey(stack)) affected.Add(stack);
                continue;
            }
            if (IsDocumentation(file)) continue;
            return stacks.Keys.Order(StringComparer.Ordinal).ToList();
        }
        foreach (var (stack, community) in stacks)
            if (community is not null && affected.Contains(community))
                affected.Add(stack);
        return affected.ToList();
    }

    private static bool IsDocumentation(string file) =>
        file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || file.StartsWith("docs/", StringComparison.Ordinal)
        || file is "LICENSE" or ".gitignore";
}
