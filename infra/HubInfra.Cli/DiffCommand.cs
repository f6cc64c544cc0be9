using System.CommandLine;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace HubInfra.Cli;

/// <summary>
/// <c>diff --base DIR_OR_REF [--stacks DIR]</c>: renders every stack on both sides and prints a per-file diff of
/// plans and values (secrets redacted). The base is a git ref (its stack files, rendered by this code), a folder
/// of stack files, or a folder that <c>render --all</c> wrote (to compare renderings of two versions of the code).
/// Exit 0 when equal, 1 when different.
/// </summary>
public static class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var baseOption = new Option<string>("--base") { Description = "Git ref, folder of stack files, or folder written by render --all", Required = true };
        var command = new Command("diff", "Show what changes in every stack's plan and hub values between --base and the working tree.") { stacks, baseOption };
        command.SetAction(result =>
        {
            try
            {
                return Run(result.GetValue(stacks)!, result.GetValue(baseOption)!, stdout, stderr);
            }
            catch (InvalidOperationException e)
            {
                stderr.WriteLine($"diff: {e.Message}");
                return 2;
            }
        });
        return command;
    }

    public static int Run(string directory, string baseSpec, TextWriter stdout, TextWriter stderr)
    {
        var head = RenderAll(directory, stderr);
        SortedDictionary<string, string> before;
        if (Directory.Exists(baseSpec) && Directory.GetFiles(baseSpec, "Pulumi.*.yaml").Length == 0)
        {
            before = ReadRendered(baseSpec);
        }
        else if (Directory.Exists(baseSpec))
        {
            before = RenderAll(baseSpec, stderr);
        }
        else
        {
            var root = Git.Root(Path.GetFullPath(directory));
            var folder = Path.GetRelativePath(root, Path.GetFullPath(directory)).Replace('\\', '/');
            var temp = Path.Combine(Path.GetTempPath(), "hubinfra-diff-" + Guid.NewGuid().ToString("N"));
            try
            {
                Git.ExportFolder(root, baseSpec, folder, temp);
                before = RenderAll(temp, stderr);
            }
            finally
            {
                if (Directory.Exists(temp)) Directory.Delete(temp, true);
            }
        }
        return Print(before, head, stdout);
    }

    public static int Print(SortedDictionary<string, string> before, SortedDictionary<string, string> after, TextWriter stdout)
    {
        var changed = 0;
        foreach (var path in before.Keys.Union(after.Keys).Order(StringComparer.Ordinal))
        {
            var a = before.GetValueOrDefault(path);
            var b = after.GetValueOrDefault(path);
            if (a == b) continue;
            changed++;
            stdout.WriteLine(a is null ? $"+++ {path} (new)" : b is null ? $"--- {path} (removed)" : $"~~~ {path}");
            var model = InlineDiffBuilder.Diff(a ?? "", b ?? "");
            foreach (var line in model.Lines)
            {
                if (line.Type == ChangeType.Inserted) stdout.WriteLine($"+ {line.Text}");
                else if (line.Type == ChangeType.Deleted) stdout.WriteLine($"- {line.Text}");
            }
        }
        stdout.WriteLine(changed == 0 ? "no changes" : $"{changed} file(s) changed");
        return changed == 0 ? 0 : 1;
    }

    /// <summary>Every stack's rendering, keyed <c>stack/relative-path</c>; a stack with errors renders as its error list.</summary>
    public static SortedDictionary<string, string> RenderAll(string directory, TextWriter stderr)
    {
        var set = new StackSet(directory);
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in set.StackNames)
        {
            var loaded = set.Load(name);
            if (loaded.HasErrors)
            {
                all[$"{name}/ERRORS"] = string.Join('\n', loaded.Errors) + "\n";
                stderr.WriteLine($"{name}: {loaded.Errors.Count()} error(s)");
                continue;
            }
            foreach (var (path, text) in Rendering.Files(loaded))
                all[$"{name}/{path}"] = text;
        }
        return all;
    }

    private static SortedDictionary<string, string> ReadRendered(string directory)
    {
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(directory, "*", SearchOption.AllDirectories))
            all[Path.GetRelativePath(directory, file).Replace('\\', '/')] = File.ReadAllText(file);
        return all;
    }
}
