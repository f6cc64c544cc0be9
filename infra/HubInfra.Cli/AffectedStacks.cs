namespace HubInfra.Cli;

/// <summary>
/// Which stacks a change affects: a stack file affects its stack; anything that is not documentation (code,
/// Pulumi.yaml, build files) affects every stack; an event stack is affected when its community stack file changed,
/// and an event stack file affects its community stack too (the cluster gets the event's maintenance exclusions from
/// it); a stack file that changed but no longer exists is a deleted stack (<see cref="Deleted"/>).
/// </summary>
public static class AffectedStacks
{
    /// <param name="changedFiles">Paths relative to the repository root, '/'-separated.</param>
    /// <param name="stacksFolder">The stacks folder relative to the root, e.g. "stacks".</param>
    /// <param name="stacks">Every stack on the head side, with the community stack of each event stack (else null).</param>
    public static IReadOnlyList<string> Compute(IEnumerable<string> changedFiles, string stacksFolder, IReadOnlyDictionary<string, string?> stacks)
    {
        var folder = Folder(stacksFolder);
        var affected = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in changedFiles)
        {
            var file = raw.Replace('\\', '/');
            if (StackOf(file, folder) is { } stack)
            {
                if (stacks.ContainsKey(stack)) affected.Add(stack);
                continue;
            }
            if (IsDocumentation(file)) continue;
            return stacks.Keys.Order(StringComparer.Ordinal).ToList();
        }
        var changed = affected.ToList();
        foreach (var stack in changed)
            if (stacks[stack] is { } community && stacks.ContainsKey(community))
                affected.Add(community);
        foreach (var (stack, community) in stacks)
            if (community is not null && changed.Contains(community))
                affected.Add(stack);
        return affected.ToList();
    }

    /// <summary>The stacks whose files the change deleted: changed stack files with no stack on the head side.</summary>
    public static IReadOnlyList<string> Deleted(IEnumerable<string> changedFiles, string stacksFolder, IReadOnlyDictionary<string, string?> stacks)
    {
        var folder = Folder(stacksFolder);
        var deleted = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var raw in changedFiles)
            if (StackOf(raw.Replace('\\', '/'), folder) is { } stack && !stacks.ContainsKey(stack))
                deleted.Add(stack);
        return deleted.ToList();
    }

    /// <summary>The stack a path names when it is <c>FOLDER/Pulumi.&lt;stack&gt;.yaml</c>, else null.</summary>
    private static string? StackOf(string file, string folder)
    {
        var dir = file.Contains('/') ? file[..file.LastIndexOf('/')] : "";
        var name = file[(file.LastIndexOf('/') + 1)..];
        return dir == folder && name.StartsWith("Pulumi.", StringComparison.Ordinal) && name.EndsWith(".yaml", StringComparison.Ordinal)
               && name.Length > "Pulumi..yaml".Length
            ? name["Pulumi.".Length..^".yaml".Length]
            : null;
    }

    private static string Folder(string stacksFolder)
    {
        var folder = stacksFolder.Replace('\\', '/').Trim('/');
        return folder == "." ? "" : folder;
    }

    private static bool IsDocumentation(string file) =>
        file.EndsWith(".md", StringComparison.OrdinalIgnoreCase) || file.StartsWith("docs/", StringComparison.Ordinal)
        || file is "LICENSE" or ".gitignore";
}
