using System.CommandLine;

namespace HubInfra.Cli;

/// <summary>Options several commands share.</summary>
public static class CommonOptions
{
    public static Option<string> Stacks() => new("--stacks")
    {
        Description = "Folder of Pulumi.<stack>.yaml files",
        DefaultValueFactory = _ => "stacks",
    };

    public static Option<string> Stack() => new("--stack")
    {
        Description = "Stack name (the <stack> of Pulumi.<stack>.yaml)",
        Required = true,
    };
}
