using System.CommandLine;

namespace HubInfra.Cli;

/// <summary><c>affected --base REF [--stacks DIR]</c>: the stacks a change since REF affects, one per line.</summary>
public static class AffectedCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var baseRef = new Option<string>("--base") { Description = "Git ref to compare with (e.g. origin/main)", Required = true };
        var json = new Option<bool>("--json") { Description = "Print a JSON array (for a CI matrix) instead of one name per line" };
        var deployable = new Option<bool>("--deployable") { Description = "Only stacks CI can deploy (community and event stacks, not local ones)" };
        var command = new Command("affected", "Print the stacks affected by the changes since --base, one per line.") { stacks, baseRef, json, deployable };
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
        var loaded = set.StackNames.Select(set.Load).ToList();
        var stacks = loaded.ToDictionary(s => s.StackName, s => s.Event?.CommunityStack);
        var affected = AffectedStacks.Compute(Git.ChangedFiles(root, baseRef), folder, stacks)
            .Where(name => !deployable || loaded.Single(s => s.StackName == name).Kind != HubInfra.Core.Model.StackKind.Local)
            .ToList();
        if (json)
            stdout.WriteLine(System.Text.Json.JsonSerializer.Serialize(affected));
        else
            foreach (var name in affected)
                stdout.WriteLine(name);
        return 0;
    }

}
