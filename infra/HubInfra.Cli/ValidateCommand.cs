using HubInfra.Core.Model;
using System.CommandLine;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary>
/// <c>validate [--stacks DIR] [--width N]</c>: every problem of every stack file, as <c>FILE: KEY: message</c>; exit 1
/// on any error. On a terminal (or with <c>--width</c>) a long message wraps at spaces with a hanging indent; piped or
/// redirected, each problem stays on one line for grep and CI logs.
/// </summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var stacks = CommonOptions.Stacks();
        var width = new Option<int?>("--width")
        {
            Description = "Wrap long messages at this width (default: the terminal's width; piped or redirected, one line per problem)",
        };
        var command = new Command("validate", "Check every stack file in a folder; prints FILE: KEY: message per problem, exits 1 on any error.") { stacks, width };
        command.SetAction(result => Run(result.GetValue(stacks)!, stdout, WrapWidth(stdout, result.GetValue(width))));
        return command;
    }

    /// <summary>The width to wrap at: <c>--width</c>, else the terminal's; none (one line per problem) when output is redirected.</summary>
    private static int? WrapWidth(TextWriter stdout, int? option) =>
        option is > 0 || (ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected) ? OutputWidth.For(stdout, option) : null;

    public static int Run(string directory, TextWriter stdout, int? width = null)
    {
        var set = new StackSet(directory);
        var names = set.StackNames;
        if (names.Count == 0)
        {
            stdout.WriteLine($"{directory}: no Pulumi.<stack>.yaml files found");
            return 1;
        }
        var errors = 0;
        var warnings = 0;
        foreach (var name in names)
        {
            var loaded = set.Load(name);
            foreach (var problem in loaded.Problems)
            {
                var line = problem.Format(set.PathOf(name));
                foreach (var part in width is { } w ? Wrap.Words(line, w, "") : [line])
                    stdout.WriteLine(part);
                if (problem.Severity == Severity.Error) errors++;
                else warnings++;
            }
        }
        stdout.WriteLine($"{Plural.Of(names.Count, "stack")} checked: {Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}");
        return errors > 0 ? 1 : 0;
    }
}
