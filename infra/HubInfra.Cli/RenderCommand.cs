using HubInfra.Core.Model;
using System.CommandLine;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary><c>render --stack NAME --out DIR</c>: plan.yaml and each hub's exact z2jh values (secrets redacted).</summary>
public static class RenderCommand
{
    public static Command Create(TextWriter stdout, TextWriter stderr)
    {
        var stacks = CommonOptions.Stacks();
        var stack = new Option<string>("--stack") { Description = "Stack name; omit with --all" };
        var all = new Option<bool>("--all") { Description = "Render every stack into OUT/<stack>/" };
        var outDir = new Option<string>("--out") { Description = "Output folder", Required = true };
        var command = new Command("render", "Write OUT/plan.yaml and OUT/hubs/<hub>/values.yaml (the values the Helm release receives; secrets redacted).")
        {
            stacks, stack, all, outDir,
        };
        command.SetAction(result => Run(result.GetValue(stacks)!, result.GetValue(stack), result.GetValue(all), result.GetValue(outDir)!, stdout, stderr));
        return command;
    }

    public static int Run(string directory, string? stack, bool all, string outDir, TextWriter stdout, TextWriter stderr)
    {
        var set = new StackSet(directory);
        if (!all && stack is null)
        {
            stderr.WriteLine("render: give --stack NAME or --all");
            return 2;
        }
        var names = all ? set.StackNames : [stack!];
        var failed = 0;
        foreach (var name in names)
        {
            if (set.Missing(name) is { } missing)
            {
                stderr.WriteLine(missing);
                failed++;
                continue;
            }
            var loaded = set.Load(name);
            if (loaded.HasErrors)
            {
                foreach (var p in loaded.Errors)
                    stderr.WriteLine(p.Format(set.PathOf(name)));
                failed++;
                continue;
            }
            var target = all ? Path.Combine(outDir, name) : outDir;
            var files = Rendering.Files(loaded);
            Rendering.Write(files, target);
            stdout.WriteLine($"{name}: wrote {Plural.Of(files.Count, "file")} to {target}");
        }
        return failed > 0 ? 1 : 0;
    }
}
