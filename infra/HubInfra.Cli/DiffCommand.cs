using HubInfra.Core.Model;
using System.CommandLine;
using DiffPlex.Renderer;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary>
/// <c>diff --base DIR_OR_REF [--stacks DIR]</c>: renders every stack on both sides and prints a per-file diff of
/// plans and values (secrets redacted). The base is a git ref (its stack files, rendered by this code), a folder
/// of stack files, or a folder that <c>render --all</c> wrote (to compare renderings of two versions of the code).
/// Exit 0 when equal, 1 when different, 2 on an error (a --base that is neither a folder nor a git ref).
/// </summary>
public static partial class DiffCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var baseOption = new Option<string>("--base") { Description = "Git ref, folder of stack files, or folder written by render --all", Required = true };
        var command = new Command("diff",
            "Show what changes in every stack's plan and hub values between --base and the working tree: one summary line " +
            "per stack, then a unified diff (3 lines of context, a @@ header per hunk; secrets redacted). " +
            "Exit codes: 0 no differences, 1 differences, 2 error (e.g. --base is neither a folder nor a git ref).")
        {
            stacks, baseOption,
        };
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
            string root;
            try
            {
                root = Git.Root(Path.GetFullPath(directory));
            }
            catch (InvalidOperationException e)
            {
                throw new InvalidOperationException($"--base '{baseSpec}' is not a folder, and {directory} is not in a git repository to read it as a ref ({e.Message})");
            }
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

    /// <summary>Lines of unchanged context around each change, as in <c>git diff</c>.</summary>
    public const int ContextLines = 3;

    /// <summary>
    /// One summary line per stack (<c>community-small: 2 files changed</c>), then a unified diff of each changed file
    /// (<c>---</c>/<c>+++</c> headers, a <c>@@</c> header per hunk, 3 lines of context); 0 when equal, 1 when not.
    /// </summary>
    public static int Print(SortedDictionary<string, string> before, SortedDictionary<string, string> after, TextWriter stdout)
    {
        var paths = before.Keys.Union(after.Keys).Order(StringComparer.Ordinal).ToList();
        var changed = paths.Where(p => before.GetValueOrDefault(p) != after.GetValueOrDefault(p)).ToList();
        foreach (var stack in paths.Select(StackOf).Distinct().Order(StringComparer.Ordinal))
        {
            var files = changed.Count(p => StackOf(p) == stack);
            var state = !after.Keys.Any(p => StackOf(p) == stack) ? " (stack removed)" : !before.Keys.Any(p => StackOf(p) == stack) ? " (new stack)" : "";
            stdout.WriteLine(files == 0 ? $"{stack}: no changes" : $"{stack}: {Plural.Of(files, "file")} changed{state}");
        }
        var renderer = new UnidiffRenderer(contextLines: ContextLines);
        foreach (var path in changed)
        {
            var a = before.GetValueOrDefault(path);
            var b = after.GetValueOrDefault(path);
            stdout.WriteLine();
            // DiffPlex reads "x\n" as the lines "x" and ""; without the final newline the hunks count lines as git does.
            var unified = renderer.Generate(Chomp(a), Chomp(b), a is null ? "/dev/null" : $"a/{path}", b is null ? "/dev/null" : $"b/{path}");
            if (!unified.EndsWith('\n')) unified += "\n";
            stdout.Write(EmptySide().Replace(unified, m => $"{m.Groups[1].Value}0,0"));
        }
        var stacks = changed.Select(StackOf).Distinct().Count();
        stdout.WriteLine(changed.Count == 0 ? "no changes" : $"{Plural.Of(changed.Count, "file")} changed in {Plural.Of(stacks, "stack")}");
        return changed.Count == 0 ? 0 : 1;
    }

    /// <summary>A side with no lines starts at line 0, as git writes it (<c>@@ -0,0 +1,12 @@</c> for a new file).</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"(?<=^@@ [^@]*)([-+])1,0(?=[ ])", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex EmptySide();

    private static string Chomp(string? text) => text is null ? "" : text.EndsWith('\n') ? text[..^1] : text;

    private static string StackOf(string path) => path.Contains('/') ? path[..path.IndexOf('/')] : path;

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
                stderr.WriteLine($"{set.PathOf(name)}: {Plural.Of(loaded.Errors.Count(), "error")} (run validate --stacks {directory})");
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
