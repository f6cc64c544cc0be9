using HubInfra.Core.Model;
using System.CommandLine;
using HubInfra.Core.Config;

namespace HubInfra.Cli;

/// <summary><c>validate [--stacks DIR]</c>: every problem of every stack file, as <c>FILE: KEY: message</c>; exit 1 on any error.</summary>
public static class ValidateCommand
{
    public static Command Create(TextWriter stdout)
    {
        var stacks = CommonOptions.Stacks();
        var command = new Command("validate", "Check every stack file in a folder; prints FILE: KEY: message per problem, exits 1 on any error.") { stacks };
        command.SetAction(result => Run(result.GetValue(stacks)!, stdout));
        return command;
    }

    public static int Run(string directory, TextWriter stdout)
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
                stdout.WriteLine(problem.Format(set.PathOf(name)));
                if (problem.Severity == Severity.Error) errors++;
                else warnings++;
            }
        }
        stdout.WriteLine($"{Plural.Of(names.Count, "stack")} checked: {Plural.Of(errors, "error")}, {Plural.Of(warnings, "warning")}");
        return errors > 0 ? 1 : 0;
    }
}
