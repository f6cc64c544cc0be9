using System.CommandLine;

namespace HubInfra.Cli;

/// <summary>The offline CLI: validate · render · plan · simulate · diff · affected · check-schema · check-crd. No Pulumi, no credentials.</summary>
public static class Program
{
    public static int Main(string[] args) => Build(Console.Out, Console.Error).Parse(args).Invoke();

    public static RootCommand Build(TextWriter stdout, TextWriter stderr)
    {
        var root = new RootCommand("HubInfra offline tools: check and preview stack files without Pulumi or GCP credentials.");
        root.Subcommands.Add(ValidateCommand.Create(stdout));
        root.Subcommands.Add(RenderCommand.Create(stdout, stderr));
        root.Subcommands.Add(PlanCommand.Create(stdout, stderr));
        root.Subcommands.Add(SimulateCommand.Create(stdout, stderr));
        root.Subcommands.Add(DiffCommand.Create(stdout, stderr));
        root.Subcommands.Add(AffectedCommand.Create(stdout, stderr));
        root.Subcommands.Add(SchemaCommand.Create(stdout, stderr));
        root.Subcommands.Add(CrdCommand.Create(stdout, stderr));
        return root;
    }

    /// <summary>Runs the CLI in-process, capturing output (for tests).</summary>
    public static (int Exit, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var exit = Build(stdout, stderr).Parse(args).Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
        return (exit, stdout.ToString(), stderr.ToString());
    }
}
