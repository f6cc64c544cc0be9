using System.CommandLine;
using HubInfra.Core.Config;
using HubInfra.Core.Model;
using HubInfra.Core.Planning;
using HubInfra.Core.Stacks;

namespace HubInfra.Cli;

/// <summary>
/// <c>affected --base REF [--stacks DIR] [--json] [--deployable]</c>: the stacks a change since REF affects, one per
/// line; a stack whose file the change deleted is listed as <c>deleted</c> with the <c>pulumi destroy</c> to run.
/// </summary>
public static class AffectedCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var baseRef = new Option<string>("--base") { Description = "Git ref to compare with (e.g. origin/main)", Required = true };
        var json = new Option<bool>("--json")
        {
            Description = "Print a JSON array of {stack, kind, command} (kind: community, event, local or deleted) instead of lines",
        };
        var deployable = new Option<bool>("--deployable") { Description = "Only stacks CI can deploy (community and event stacks, not local ones)" };
        var command = new Command("affected",
            "Print the stacks affected by the changes since --base, one per line; a deleted stack file prints " +
            "'NAME deleted: pulumi destroy --stack NAME ...' (nothing to deploy, its resources remain until destroyed).")
        {
            stacks, baseRef, json, deployable,
        };
        command.SetAction(result =>
        {
            try
            {
                return Run(result.GetValue(stacks)!, result.GetValue(baseRef)!, result.GetValue(json), result.GetValue(deployable), stdout);
            }
            catch (InvalidOperationException e)
            {
                stderr.WriteLine($"affected: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    public static int Run(string directory, string baseRef, bool json, bool deployable, TextWriter stdout)
    {
        var root = Git.Root(Path.GetFullPath(directory));
        var folder = Path.GetRelativePath(root, Path.GetFullPath(directory)).Replace('\\', '/');
        var set = new StackSet(directory);
        var loaded = set.StackNames.Select(set.Load).ToDictionary(s => s.StackName);
        var stacks = loaded.Values.ToDictionary(s => s.StackName, s => s.Event?.CommunityStack);
        var changedFiles = Git.ChangedFiles(root, baseRef);
        var affected = AffectedStacks.Compute(changedFiles, folder, stacks)
            .Select(name => AffectedStack.Changed(name, loaded[name].Kind))
            .Concat(AffectedStacks.Deleted(changedFiles, folder, stacks).Select(AffectedStack.Deleted))
            .Where(s => !deployable || (s.IsDeleted ? KindAtBase(root, baseRef, folder, s.Stack) : loaded[s.Stack].Kind) != StackKind.Local)
            .ToList();
        if (json)
            stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(affected.Select(s => new Dictionary<string, string>
            {
                ["stack"] = s.Stack,
                ["kind"] = s.Kind,
                ["command"] = s.Command,
            })));
        else
            foreach (var s in affected)
                stdout.WriteLine(s.IsDeleted ? $"{s.Stack} deleted: {s.Command}" : s.Stack);
        return 0;
    }

    /// <summary>The kind a deleted stack had at the merge base (community when its file cannot be read there).</summary>
    private static StackKind KindAtBase(string root, string baseRef, string folder, string stack)
    {
        try
        {
            var path = folder is "" or "." ? StackFile.FileName(stack) : $"{folder}/{StackFile.FileName(stack)}";
            return StackLoader.KindOf(StackFile.Parse(stack, Git.Show(root, Git.MergeBase(root, baseRef), path)));
        }
        catch (Exception e) when (e is InvalidOperationException or StackFileException)
        {
            return StackKind.Community;
        }
    }
}
